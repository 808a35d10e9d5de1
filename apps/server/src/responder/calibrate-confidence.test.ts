import { describe, expect, it } from 'vitest';
import { calibrateConfidence, defaultCalibration } from './calibrate-confidence';

describe('calibrateConfidence', () => {
  it('is high for a close match far ahead of the rest', () => {
    expect(calibrateConfidence(0.8, 0.3)).toBeGreaterThan(0.9);
  });

  it('is low for a weak match even when it wins by a mile', () => {
    expect(calibrateConfidence(0.12, 0)).toBeLessThan(0.3);
  });

  it('is low for a good match with an equally good rival', () => {
    expect(calibrateConfidence(0.4, 0.4)).toBeLessThan(0.5);
    expect(calibrateConfidence(0.4, 0.4)).toBeLessThan(calibrateConfidence(0.4, 0.2) - 0.3);
  });

  it('rises with similarity and with margin', () => {
    const similarities = [0, 0.1, 0.2, 0.4, 0.6, 0.8, 1];
    for (let i = 1; i < similarities.length; i++) {
      expect(calibrateConfidence(similarities[i]!, 0)).toBeGreaterThan(
        calibrateConfidence(similarities[i - 1]!, 0),
      );
    }
    expect(calibrateConfidence(0.5, 0.3)).toBeGreaterThan(calibrateConfidence(0.5, 0.45));
  });

  it('stops rewarding the margin beyond its cap', () => {
    const cap = defaultCalibration.marginCap;
    expect(calibrateConfidence(0.5, 0.5 - cap - 0.2)).toBe(calibrateConfidence(0.5, 0.5 - cap));
  });

  it.each([
    [0, 0],
    [1, 0],
    [1, 1],
    [-5, 3],
    [50, -50],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
  ])('stays a probability for best=%d, runner-up=%d', (best, runnerUp) => {
    const confidence = calibrateConfidence(best, runnerUp);
    expect(confidence).toBeGreaterThanOrEqual(0);
    expect(confidence).toBeLessThanOrEqual(1);
  });
});
