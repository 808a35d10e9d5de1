import { describe, expect, it } from 'vitest';
import { countConsecutiveLowConfidence } from './repeated-fallback';

describe('countConsecutiveLowConfidence', () => {
  it.each([
    [[], 0],
    [[0.9], 0],
    [[0.2], 1],
    [[0.9, 0.2, 0.3], 2],
    [[0.2, 0.9, 0.3], 1],
    [[0.2, null, 0.3], 1],
    [[0.2, 0.5], 0],
  ] as [(number | null)[], number][])('%j → %s', (confidences, count) => {
    expect(countConsecutiveLowConfidence(confidences, 0.5)).toBe(count);
  });
});
