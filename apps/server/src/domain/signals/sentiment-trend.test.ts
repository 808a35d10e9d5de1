import { describe, expect, it } from 'vitest';
import { sentimentTrend } from './sentiment-trend';

describe('sentimentTrend', () => {
  const table: [string, number[], { latest: number; average: number; worseningStreak: number }][] = [
    ['no messages', [], { latest: 0, average: 0, worseningStreak: 0 }],
    ['one negative message has no streak', [-0.5], { latest: -0.5, average: -0.5, worseningStreak: 0 }],
    [
      'three drops below zero',
      [0.2, -0.1, -0.3, -0.5],
      { latest: -0.5, average: -0.175, worseningStreak: 3 },
    ],
    [
      'drop that stays positive does not count',
      [0.8, 0.5, 0.2],
      { latest: 0.2, average: 0.5, worseningStreak: 0 },
    ],
    [
      'only the newest run counts',
      [-0.1, -0.4, 0.3, -0.2, -0.6],
      { latest: -0.6, average: -0.2, worseningStreak: 2 },
    ],
    [
      'a recovery ends the streak',
      [-0.2, -0.4, -0.6, -0.3],
      { latest: -0.3, average: -0.375, worseningStreak: 0 },
    ],
    ['equal scores are not worse', [-0.4, -0.4], { latest: -0.4, average: -0.4, worseningStreak: 0 }],
  ];
  it.each(table)('%s', (_name, scores, expected) => {
    const trend = sentimentTrend(scores);
    expect(trend.latest).toBeCloseTo(expected.latest);
    expect(trend.average).toBeCloseTo(expected.average);
    expect(trend.worseningStreak).toBe(expected.worseningStreak);
  });

  it.each([
    [[0.5, 0, -0.5], -0.5],
    [[-0.6, -0.3, 0], 0.3],
    [[0.1, 0.1, 0.1], 0],
    [[0.4], 0],
  ])('slope of %j is %s per message', (scores, slope) => {
    expect(sentimentTrend(scores).slope).toBeCloseTo(slope);
  });
});
