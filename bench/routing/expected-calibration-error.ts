import type { ScoredPrediction } from './risk-coverage';

/** Weighted mean gap between confidence and accuracy over equal-width confidence bins. */
export function expectedCalibrationError(predictions: readonly ScoredPrediction[], bins = 15): number {
  const count = new Array<number>(bins).fill(0);
  const confidence = new Array<number>(bins).fill(0);
  const right = new Array<number>(bins).fill(0);
  for (const prediction of predictions) {
    const bin = Math.min(bins - 1, Math.floor(prediction.confidence * bins));
    count[bin]! += 1;
    confidence[bin]! += prediction.confidence;
    if (prediction.correct) right[bin]! += 1;
  }
  let error = 0;
  for (let bin = 0; bin < bins; bin++) {
    if (count[bin] === 0) continue;
    error += Math.abs(confidence[bin]! - right[bin]!) / predictions.length;
  }
  return error;
}
