/** A logistic model: confidence = σ(similarityWeight·best + marginWeight·min(margin, marginCap) + bias). */
export interface CalibrationParameters {
  similarityWeight: number;
  marginWeight: number;
  bias: number;
  /** Margins above this add nothing more, so one weak but lonely match cannot look certain. */
  marginCap: number;
}

/**
 * Fitted on held-out predictions over the shipped knowledge base (see `fitCalibration`); used as they are
 * when there is too little data to fit, and as the prior a fit is pulled towards.
 */
export const defaultCalibration: CalibrationParameters = {
  similarityWeight: 7.4,
  marginWeight: 8.8,
  bias: -3.3,
  marginCap: 0.2,
};

/**
 * Maps the best class score and the best competing answer's score to a probability that the best answer
 * is right. Both matter: a clear winner that resembles nothing the model knows (low similarity) is an
 * off-topic question, and a close match with an equally close rival (low margin) is ambiguous.
 */
export function calibrateConfidence(
  best: number,
  runnerUp: number,
  parameters: CalibrationParameters = defaultCalibration,
): number {
  const logit = calibrationLogit(best, runnerUp, parameters);
  const confidence = 1 / (1 + Math.exp(-logit));
  return Number.isFinite(confidence) ? confidence : 0;
}

export function calibrationLogit(best: number, runnerUp: number, parameters: CalibrationParameters): number {
  const margin = Math.min(Math.max(best - runnerUp, 0), parameters.marginCap);
  return parameters.similarityWeight * best + parameters.marginWeight * margin + parameters.bias;
}
