import { describe, expect, it } from 'vitest';
import { adviseThreshold, type ReviewedAnswer } from './threshold-advice';

const rights = (...confidences: number[]): ReviewedAnswer[] =>
  confidences.map((confidence) => ({ confidence, right: true }));
const wrongs = (...confidences: number[]): ReviewedAnswer[] =>
  confidences.map((confidence) => ({ confidence, right: false }));
const many = (count: number, confidence: number, right: boolean): ReviewedAnswer[] =>
  Array.from({ length: count }, () => ({ confidence, right }));

describe('adviseThreshold', () => {
  it.each([
    // [name, reviews, accuracy, threshold, answered, accuracy at it]
    ['no reviews: no advice', [], 0.97, null, 0, null],
    [
      'all right: the lowest reviewed confidence rounds down to the grid',
      rights(0.723, 0.8, 0.9),
      0.97,
      0.72,
      3,
      1,
    ],
    [
      'a wrong answer at the bottom moves the threshold above it',
      [...rights(0.8, 0.9, 0.95), ...wrongs(0.6)],
      0.97,
      0.61,
      3,
      1,
    ],
    ['a lower target tolerates it', [...rights(0.8, 0.9, 0.95), ...wrongs(0.6)], 0.75, 0.6, 4, 0.75],
    [
      'a wrong answer at the top leaves no threshold',
      [...rights(0.5, 0.6), ...wrongs(0.99)],
      0.97,
      null,
      0,
      null,
    ],
    [
      'at exactly the target it counts',
      [...many(97, 0.9, true), ...many(3, 0.9, false)],
      0.97,
      0.9,
      100,
      0.97,
    ],
    ['a review exactly at a grid line is answered there', [...rights(0.7), ...wrongs(0.69)], 0.97, 0.7, 1, 1],
  ] as const)('%s', (_name, reviews, accuracy, threshold, answered, answeredAccuracy) => {
    const advice = adviseThreshold(reviews, accuracy, 20);
    expect(advice.threshold).toBe(threshold);
    expect(advice.answered).toBe(answered);
    expect(advice.answeredAccuracy).toBe(answeredAccuracy);
  });

  it('counts the reviews it rests on and says when they are too few', () => {
    const few = adviseThreshold([...rights(0.9, 0.8), ...wrongs(0.3)], 0.97, 20);
    expect(few).toMatchObject({ reviews: 3, right: 2, wrong: 1, enough: false });
    const enough = adviseThreshold([...many(19, 0.9, true), ...wrongs(0.4)], 0.97, 20);
    expect(enough).toMatchObject({ reviews: 20, right: 19, wrong: 1, enough: true, threshold: 0.41 });
  });
});
