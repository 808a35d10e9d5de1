import type { ScoredPrediction } from './risk-coverage';

/**
 * The lowest threshold `lower` below `upper` such that the questions with confidence in [lower, upper)
 * are still right at least `accuracy` of the time: where a second, "review" band could start (answers
 * there shown to an agent as a draft instead of escalated cold). Cuts only between distinct confidences.
 */
export function reviewBandFor(
  predictions: readonly ScoredPrediction[],
  upper: number,
  accuracy: number,
): { lower: number; share: number; accuracy: number } {
  const band = predictions
    .filter((prediction) => prediction.confidence < upper)
    .sort((a, b) => b.confidence - a.confidence);
  let right = 0;
  let best = { lower: upper, share: 0, accuracy: 1 };
  band.forEach((prediction, index) => {
    if (prediction.correct) right++;
    const next = band[index + 1];
    if (next !== undefined && next.confidence === prediction.confidence) return;
    const bandAccuracy = right / (index + 1);
    if (bandAccuracy >= accuracy)
      best = {
        lower: prediction.confidence,
        share: (index + 1) / predictions.length,
        accuracy: bandAccuracy,
      };
  });
  return best;
}
