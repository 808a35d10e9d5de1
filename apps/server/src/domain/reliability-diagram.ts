import { RELIABILITY_BINS, type ReliabilityBin } from '@hitl/shared/analytics';
import { adviseThreshold } from './threshold-advice';

export interface ConfidenceCount {
  /** Stated confidence in hundredths, 0–100. */
  hundredth: number;
  answers: number;
  right: number;
}

/**
 * Stated confidence against measured accuracy: the reviewed answers in ten bins of confidence, and the
 * lowest answer threshold that would have kept the answers let through right at least `accuracy` of the
 * time — the same computation as Settings' threshold advice, over the same hundredths.
 */
export function reliabilityDiagram(histogram: readonly ConfidenceCount[], accuracy: number) {
  const bins: ReliabilityBin[] = Array.from({ length: RELIABILITY_BINS }, (_, i) => ({
    from: i / RELIABILITY_BINS,
    to: (i + 1) / RELIABILITY_BINS,
    answers: 0,
    right: 0,
    accuracy: null,
  }));
  for (const { hundredth, answers, right } of histogram) {
    // 1.00 belongs to the last bin.
    const bin = bins[Math.min(RELIABILITY_BINS - 1, Math.floor(hundredth / (100 / RELIABILITY_BINS)))];
    if (bin === undefined) continue;
    bin.answers += answers;
    bin.right += right;
  }
  for (const bin of bins) bin.accuracy = bin.answers === 0 ? null : round4(bin.right / bin.answers);
  const reviews = histogram.flatMap(({ hundredth, answers, right }) => [
    { confidence: hundredth / 100, right: true, count: right },
    { confidence: hundredth / 100, right: false, count: answers - right },
  ]);
  const advice =
    reviews.length === 0
      ? null
      : adviseThreshold(
          reviews.filter((r) => r.count > 0),
          accuracy,
          0,
        );
  return {
    bins,
    targetAccuracy: accuracy,
    threshold: advice?.threshold ?? null,
    answeredAccuracy: advice?.answeredAccuracy ?? null,
    reviews: advice?.reviews ?? 0,
  };
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
