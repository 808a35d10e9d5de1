import { describe, expect, it } from 'vitest';
import { fillCannedVariables } from './fill-canned-variables';

describe('fillCannedVariables', () => {
  it.each([
    [
      'Hi {name}, {agent} here',
      { name: 'Sam', agent: 'Alex' },
      'Hi Sam, {agent} here'.replace('{agent}', 'Alex'),
    ],
    [
      'Hi {name}, write to {email}',
      { name: null, email: 'sam@example.com' },
      'Hi {name}, write to sam@example.com',
    ],
    ['{site} {site}', { site: 'Harbor & Pine' }, 'Harbor & Pine Harbor & Pine'],
    ['Hi {name}', { name: '   ' }, 'Hi {name}'],
    ['{order} and {toString} stay', { name: 'Sam' }, '{order} and {toString} stay'],
    ['no variables', {}, 'no variables'],
  ] as const)('%s', (text, values, expected) => {
    expect(fillCannedVariables(text, values)).toBe(expected);
  });
});
