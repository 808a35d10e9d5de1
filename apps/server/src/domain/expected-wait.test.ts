import { describe, expect, it } from 'vitest';
import { expectedWaitMs, medianOf } from './expected-wait';

const MIN = 60_000;

describe('medianOf', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[9, 1, 5], 5],
    [[4, 1, 3, 2], 2.5],
    [[7, 7, 100], 7],
  ] as const)('%j → %s', (values, median) => {
    expect(medianOf(values)).toBe(median);
  });
});

describe('expectedWaitMs', () => {
  const waits = [2 * MIN, 4 * MIN, 3 * MIN]; // median 3 min
  it.each([
    ['next, one agent with room', 1, waits, 1, 1, 3 * MIN],
    ['second, one agent with room', 2, waits, 1, 1, 6 * MIN],
    ['second, two agents with room: both taken in the first round', 2, waits, 2, 2, 3 * MIN],
    ['fifth, two agents with room', 5, waits, 2, 3, 9 * MIN],
    ['everyone busy or away: one place frees at a time', 3, waits, 0, 2, 9 * MIN],
    ['no takeover measured lately', 1, [], 3, 3, null],
    ['nobody connected', 1, waits, 0, 0, null],
    ['not in the queue', 0, waits, 1, 1, null],
    ['a fraction of a millisecond rounds', 1, [1, 2], 1, 1, 2],
  ] as const)('%s', (_name, position, recentWaitsMs, agentsWithRoom, agentsConnected, expected) => {
    expect(expectedWaitMs({ position, recentWaitsMs, agentsWithRoom, agentsConnected })).toBe(expected);
  });
});
