/** One answered question: how confident the model was and whether it was right. */
export interface ScoredPrediction {
  confidence: number;
  correct: boolean;
}

export interface RiskCoveragePoint {
  coverage: number;
  /** Accuracy of the answered share. */
  accuracy: number;
  /** Lowest confidence still answered at this coverage. */
  threshold: number;
}

export interface RiskCoverage {
  /** One point per answered count, from the single most confident question to all of them. */
  points: RiskCoveragePoint[];
  /** Area under the risk (1 − accuracy) – coverage curve. */
  aurc: number;
  /** Accuracy of the most confident `coverage` share. */
  accuracyAt(coverage: number): number;
  /** Confidence threshold that answers the most confident `coverage` share. */
  thresholdAt(coverage: number): number;
  /**
   * Lowest threshold at which the answered share keeps at least `accuracy` (taken over every question
   * at or above it), and the coverage it gives.
   */
  thresholdFor(accuracy: number): { threshold: number; coverage: number };
}

/** Answers the most confident questions first and tracks accuracy as coverage grows. */
export function riskCoverage(predictions: readonly ScoredPrediction[]): RiskCoverage {
  const sorted = [...predictions].sort((a, b) => b.confidence - a.confidence);
  const points: RiskCoveragePoint[] = [];
  let right = 0;
  let riskSum = 0;
  sorted.forEach((prediction, index) => {
    if (prediction.correct) right++;
    const accuracy = right / (index + 1);
    riskSum += 1 - accuracy;
    points.push({ coverage: (index + 1) / sorted.length, accuracy, threshold: prediction.confidence });
  });
  const pointAt = (coverage: number) =>
    points[Math.min(points.length - 1, Math.max(0, Math.ceil(coverage * points.length) - 1))];
  return {
    points,
    aurc: points.length === 0 ? 0 : riskSum / points.length,
    accuracyAt: (coverage) => pointAt(coverage)?.accuracy ?? 0,
    thresholdAt: (coverage) => pointAt(coverage)?.threshold ?? 1,
    thresholdFor(accuracy) {
      // Only cut between distinct confidences: ties are answered or escalated together.
      let best = { threshold: 1, coverage: 0 };
      points.forEach((point, index) => {
        const next = points[index + 1];
        if (next !== undefined && next.threshold === point.threshold) return;
        if (point.accuracy >= accuracy) best = { threshold: point.threshold, coverage: point.coverage };
      });
      return best;
    },
  };
}
