import { describe, expect, it } from 'vitest';
import { classify } from './classification';

describe('classify', () => {
  it('counts the four outcomes and derives precision, recall and F1', () => {
    const result = classify([
      { actual: true, predicted: true },
      { actual: true, predicted: true },
      { actual: true, predicted: false },
      { actual: false, predicted: true },
      { actual: false, predicted: false },
    ]);
    expect(result).toMatchObject({
      truePositives: 2,
      falsePositives: 1,
      falseNegatives: 1,
      trueNegatives: 1,
    });
    expect(result.precision).toBeCloseTo(2 / 3);
    expect(result.recall).toBeCloseTo(2 / 3);
    expect(result.f1).toBeCloseTo(2 / 3);
  });

  it('gives precision 1 when nothing is predicted and F1 0 when nothing is found', () => {
    const result = classify([{ actual: true, predicted: false }]);
    expect(result.precision).toBe(1);
    expect(result.recall).toBe(0);
    expect(result.f1).toBe(0);
  });
});
