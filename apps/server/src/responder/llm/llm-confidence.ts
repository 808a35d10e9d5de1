import type { ConfidenceParts } from '@hitl/shared/models';

/** Weights of the logistic model: confidence = σ(bias + Σ weight·logit(part)), a missing part adding 0. */
export interface LlmCalibration {
  bias: number;
  logprob: number;
  retrieval: number;
  selfCheck: number;
}

export const confidencePartNames = ['logprob', 'retrieval', 'selfCheck'] as const;

/**
 * Used until enough reviewed answers exist to fit (`fitLlmCalibration`), and as the prior a fit is pulled
 * towards. Retrieval weighs most: a fluent answer (high token probability) over articles that do not cover
 * the question is the failure that matters; a self-check "no" must be able to sink an otherwise sure answer.
 */
export const defaultLlmCalibration: LlmCalibration = {
  bias: -0.5,
  logprob: 0.6,
  retrieval: 1,
  selfCheck: 1.2,
};

/** Parts are clamped before the logit, so one certain signal cannot outvote every other. */
const EDGE = 0.02;

/** The inputs of the logistic model: the logit of each part, 0 (no evidence either way) when missing. */
export function confidenceFeatures(parts: ConfidenceParts): number[] {
  return confidencePartNames.map((name) => {
    const value = parts[name];
    return value === undefined || !Number.isFinite(value) ? 0 : logit(value);
  });
}

/** Combines the measured parts into one calibrated probability that the answer is right. */
export function combineConfidence(
  parts: ConfidenceParts,
  calibration: LlmCalibration = defaultLlmCalibration,
): number {
  const features = confidenceFeatures(parts);
  const z = confidencePartNames.reduce((sum, name, i) => sum + calibration[name] * (features[i] ?? 0), 0);
  return sigmoid(calibration.bias + z);
}

/**
 * The geometric mean probability of the answer's tokens (exp of the mean logprob): length-independent,
 * and dragged down by the tokens the model hesitated on. Undefined without logprobs.
 */
export function meanTokenProbability(logprobs: readonly number[]): number | undefined {
  const finite = logprobs.filter(Number.isFinite);
  if (finite.length === 0) return undefined;
  return Math.exp(finite.reduce((sum, lp) => sum + lp, 0) / finite.length);
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function logit(p: number): number {
  const q = Math.min(1 - EDGE, Math.max(EDGE, p));
  return Math.log(q / (1 - q));
}
