export interface CalibrationParameters {
  /** Best-match similarity at which, with `marginCenter` margin, confidence is 0.5. */
  similarityCenter: number;
  /** Logit gained per unit of best-match similarity. */
  similaritySlope: number;
  /** Margin to the runner-up that counts as neutral. */
  marginCenter: number;
  /** Logit gained per unit of margin. */
  marginSlope: number;
  /** Margins above this add nothing more: a lone weak match must not look certain. */
  marginCap: number;
}

export const defaultCalibration: CalibrationParameters = {
  similarityCenter: 0.4,
  similaritySlope: 12,
  marginCenter: 0.05,
  marginSlope: 20,
  marginCap: 0.2,
};

/**
 * Maps the best class score and its margin over the best competing answer to a probability.
 * Both matter: a clear winner that resembles nothing the model knows (low similarity) is an off-topic
 * question, and a close match with an equally close rival (low margin) is ambiguous.
 */
export function calibrateConfidence(
  best: number,
  runnerUp: number,
  parameters: CalibrationParameters = defaultCalibration,
): number {
  const margin = Math.min(Math.max(best - runnerUp, 0), parameters.marginCap);
  const logit =
    parameters.similaritySlope * (best - parameters.similarityCenter) +
    parameters.marginSlope * (margin - parameters.marginCenter);
  const confidence = 1 / (1 + Math.exp(-logit));
  return Number.isFinite(confidence) ? confidence : 0;
}
