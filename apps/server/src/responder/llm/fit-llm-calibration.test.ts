import { describe, expect, it } from 'vitest';
import { type CalibrationSample, fitLlmCalibration, logLoss } from './fit-llm-calibration';
import { combineConfidence, defaultLlmCalibration, meanTokenProbability } from './llm-confidence';

describe('combineConfidence (default weights)', () => {
  it.each([
    ['fluent, well-supported, self-checked', { logprob: 0.92, retrieval: 0.85, selfCheck: 0.95 }, 0.95, 1],
    ['fluent and well-supported, no self-check', { logprob: 0.92, retrieval: 0.85 }, 0.85, 0.97],
    ['fluent but citing nothing', { logprob: 0.95, retrieval: 0 }, 0, 0.1],
    ['supported, but the self-check says no', { logprob: 0.9, retrieval: 0.85, selfCheck: 0.1 }, 0.3, 0.55],
    ['weak retrieval, hesitant tokens', { logprob: 0.6, retrieval: 0.3 }, 0.1, 0.45],
    ['nothing measured', {}, 0.3, 0.45],
  ])('%s', (_name, parts, low, high) => {
    const confidence = combineConfidence(parts);
    expect(confidence).toBeGreaterThanOrEqual(low);
    expect(confidence).toBeLessThanOrEqual(high);
  });

  it('grows with each part', () => {
    const base = { logprob: 0.8, retrieval: 0.6, selfCheck: 0.7 };
    for (const key of ['logprob', 'retrieval', 'selfCheck'] as const) {
      expect(combineConfidence({ ...base, [key]: 0.9 })).toBeGreaterThan(combineConfidence(base));
    }
  });
});

describe('meanTokenProbability', () => {
  it.each([
    [[], undefined],
    [[0], 1],
    [[Math.log(0.5), Math.log(0.5)], 0.5],
    [[Math.log(0.9), Math.log(0.1)], 0.3],
  ])('%j → %s', (logprobs, expected) => {
    const p = meanTokenProbability(logprobs);
    if (expected === undefined) expect(p).toBeUndefined();
    else expect(p).toBeCloseTo(expected, 6);
  });
});

/** Reviewed answers where only the self-check tells right from wrong (retrieval is noise). */
function samples(n: number): CalibrationSample[] {
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  return Array.from({ length: n }, (_, i) => {
    const correct = i % 3 !== 0;
    return {
      correct,
      parts: {
        logprob: 0.85 + random() * 0.1,
        retrieval: 0.3 + random() * 0.6,
        selfCheck: correct ? 0.6 + random() * 0.39 : 0.05 + random() * 0.5,
      },
    };
  });
}

describe('fitLlmCalibration', () => {
  it.each([
    ['too few samples', samples(10)],
    ['only right answers', samples(90).filter((s) => s.correct)],
    ['only wrong answers', samples(200).filter((s) => !s.correct)],
  ])('keeps the prior with %s', (_name, data) => {
    expect(fitLlmCalibration(data)).toEqual(defaultLlmCalibration);
  });

  it('learns which part tells right from wrong, and fits better than the defaults', () => {
    const data = samples(300);
    const fitted = fitLlmCalibration(data);
    expect(fitted.selfCheck).toBeGreaterThan(defaultLlmCalibration.selfCheck);
    expect(Math.abs(fitted.retrieval)).toBeLessThan(defaultLlmCalibration.retrieval);
    expect(logLoss(data, fitted)).toBeLessThan(logLoss(data, defaultLlmCalibration));
  });

  it('is pulled towards the prior: a stronger prior moves less', () => {
    const data = samples(60);
    const loose = fitLlmCalibration(data, { priorStrength: 0.1 });
    const tight = fitLlmCalibration(data, { priorStrength: 100 });
    const distance = (c: typeof loose) =>
      Math.abs(c.selfCheck - defaultLlmCalibration.selfCheck) + Math.abs(c.bias - defaultLlmCalibration.bias);
    expect(distance(tight)).toBeLessThan(distance(loose));
  });

  it('is deterministic and pure', () => {
    const data = samples(100);
    const copy = structuredClone(data);
    expect(fitLlmCalibration(data)).toEqual(fitLlmCalibration(data));
    expect(data).toEqual(copy);
  });
});
