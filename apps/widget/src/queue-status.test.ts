import { describe, expect, it } from 'vitest';
import { formatWait, queueStatusText } from './queue-status';

const MIN = 60_000;

describe('formatWait', () => {
  it.each([
    [0, 'less than a minute'],
    [59_000, 'less than a minute'],
    [1 * MIN, 'a few minutes'],
    [4.9 * MIN, 'a few minutes'],
    [5 * MIN, 'about 5 min'],
    [12 * MIN, 'about 10 min'],
    [13 * MIN, 'about 15 min'],
    [58 * MIN, 'about 55 min'],
    [60 * MIN, 'more than an hour'],
    [300 * MIN, 'more than an hour'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatWait(ms)).toBe(text);
  });
});

describe('queueStatusText', () => {
  it.each([
    [2, 4 * MIN, 'You are number 2 in the queue · expected wait a few minutes'],
    [1, 20 * MIN, 'You are number 1 in the queue · expected wait about 20 min'],
    [3, null, 'You are number 3 in the queue'],
  ] as const)('number %i, %s ms', (position, expectedWaitMs, text) => {
    expect(queueStatusText({ conversationId: 'c1', position, expectedWaitMs })).toBe(text);
  });
});
