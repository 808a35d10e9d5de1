import { describe, expect, it } from 'vitest';
import { classifyRefusal } from './send-refusal';

describe('classifyRefusal', () => {
  it.each([
    ['invalid_payload', true, 'fail'],
    ['payload_too_large', false, 'fail'],
    ['not_found', true, 'new-conversation'],
    ['not_found', false, 'fail'],
    ['invalid_state', true, 'new-conversation'],
    ['unauthorized', true, 'reauthenticate'],
    ['rate_limited', true, 'retry'],
    ['internal', false, 'retry'],
  ] as const)('%s (conversation named: %s) → %s', (code, named, expected) => {
    expect(classifyRefusal(code, named)).toBe(expected);
  });
});
