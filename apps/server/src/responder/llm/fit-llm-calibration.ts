import type { ConfidenceParts } from '@hitl/shared/models';
import {
  confidenceFeatures,
  confidencePartNames,
  defaultLlmCalibration,
  type LlmCalibration,
  sigmoid,
} from './llm-confidence';

/** A reviewed answer: its confidence parts and whether it was right (no approved correction of it). */
export interface CalibrationSample {
  parts: ConfidenceParts;
  correct: boolean;
}

export interface FitOptions {
  /** Fewer samples (or fewer than `minPerClass` of either outcome) → the prior is returned unchanged. */
  minSamples?: number;
  minPerClass?: number;
  /** Strength of the pull towards the prior (an L2 penalty on the distance to it). */
  priorStrength?: number;
  prior?: LlmCalibration;
}

const ITERATIONS = 25;

/**
 * Fits the confidence weights to reviewed answers: logistic regression by Newton's method, regularised
 * towards the prior so a few dozen samples adjust the defaults rather than replace them. Pure.
 */
export function fitLlmCalibration(
  samples: readonly CalibrationSample[],
  options: FitOptions = {},
): LlmCalibration {
  const prior = options.prior ?? defaultLlmCalibration;
  const right = samples.filter((s) => s.correct).length;
  const wrong = samples.length - right;
  const minPerClass = options.minPerClass ?? 5;
  if (samples.length < (options.minSamples ?? 30) || right < minPerClass || wrong < minPerClass) return prior;

  const lambda = options.priorStrength ?? 1;
  const rows = samples.map((s) => [1, ...confidenceFeatures(s.parts)]);
  const labels = samples.map((s) => (s.correct ? 1 : 0));
  const w0 = [prior.bias, ...confidencePartNames.map((name) => prior[name])];
  let w = [...w0];
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const size = w.length;
    const gradient = w.map((wi, i) => lambda * (wi - (w0[i] ?? 0)));
    const hessian = w.map((_, i) => w.map((__, j) => (i === j ? lambda : 0)));
    rows.forEach((x, k) => {
      const p = sigmoid(dot(w, x));
      const y = labels[k] ?? 0;
      for (let i = 0; i < size; i++) {
        gradient[i] = (gradient[i] ?? 0) + (p - y) * (x[i] ?? 0);
        const hi = hessian[i] ?? [];
        for (let j = 0; j < size; j++) hi[j] = (hi[j] ?? 0) + p * (1 - p) * (x[i] ?? 0) * (x[j] ?? 0);
      }
    });
    const step = solve(hessian, gradient);
    w = w.map((wi, i) => wi - (step[i] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  const [
    bias = prior.bias,
    logprob = prior.logprob,
    retrieval = prior.retrieval,
    selfCheck = prior.selfCheck,
  ] = w;
  return { bias, logprob, retrieval, selfCheck };
}

/** Mean log loss of a calibration on samples (lower is better); for tests and reports. */
export function logLoss(samples: readonly CalibrationSample[], calibration: LlmCalibration): number {
  const w = [calibration.bias, ...confidencePartNames.map((name) => calibration[name])];
  const total = samples.reduce((sum, s) => {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(dot(w, [1, ...confidenceFeatures(s.parts)]))));
    return sum - (s.correct ? Math.log(p) : Math.log(1 - p));
  }, 0);
  return total / Math.max(1, samples.length);
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, ai, i) => sum + ai * (b[i] ?? 0), 0);
}

/** Gaussian elimination with partial pivoting; the regularised Hessian is positive definite. */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    [a[col], a[pivot]] = [a[pivot] ?? [], a[col] ?? []];
    const lead = a[col] ?? [];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = a[r] ?? [];
      const factor = (row[col] ?? 0) / (lead[col] ?? 1);
      for (let c = col; c <= n; c++) row[c] = (row[c] ?? 0) - factor * (lead[c] ?? 0);
    }
  }
  return a.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}
