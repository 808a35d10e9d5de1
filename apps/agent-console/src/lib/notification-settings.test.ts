import { describe, expect, it } from 'vitest';
import { parseNotificationSettings } from './notification-settings';

describe('parseNotificationSettings', () => {
  it.each([
    ['nothing stored', null, { sound: true, desktop: false }],
    ['both stored', '{"sound":false,"desktop":true}', { sound: false, desktop: true }],
    ['one stored', '{"desktop":true}', { sound: true, desktop: true }],
    ['malformed JSON', '{sound', { sound: true, desktop: false }],
    ['wrong types', '{"sound":"no","desktop":1}', { sound: true, desktop: false }],
    ['not an object', '[true]', { sound: true, desktop: false }],
  ])('%s', (_name, stored, expected) => {
    expect(parseNotificationSettings(stored)).toEqual(expected);
  });
});
