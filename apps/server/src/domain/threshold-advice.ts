/** One reviewed answer: its confidence, and whether it was right (marked right) or wrong (an approved correction). */
export interface ReviewedAnswer {
  confidence: number;
  right: boolean;
  /** How many reviews this one stands for (a bin of the analytics histogram); 1 when absent. */
  count?: number;
}

export interface AdvisedThreshold {
  /** Lowest threshold on the 0.01 grid whose answered reviews reach the target accuracy; null when none does. */
  threshold: number | null;
  reviews: number;
  right: number;
  wrong: number;
  /** Reviews at or above the advised threshold, and how many of them were right. */
  answered: number;
  answeredAccuracy: number | null;
  enough: boolean;
}

/**
 * The lowest answer threshold that keeps the answers it would let through right at least `accuracy` of the
 * time, judged by the team's own reviews. Thresholds are tried on a grid of hundredths (what people type in
 * a policy), from the lowest reviewed confidence (rounded down: below it there is no evidence) up to the
 * highest (above it nothing would be answered, so nothing is known). Fewer than
 * `minReviews` reviews and the advice is computed but marked not enough to act on.
 */
export function adviseThreshold(
  reviews: readonly ReviewedAnswer[],
  accuracy: number,
  minReviews: number,
): AdvisedThreshold {
  const weight = (list: readonly ReviewedAnswer[]) => list.reduce((sum, r) => sum + (r.count ?? 1), 0);
  const total = weight(reviews);
  const right = weight(reviews.filter((r) => r.right));
  const base = {
    reviews: total,
    right,
    wrong: total - right,
    enough: total >= minReviews,
  };
  const lowest = Math.min(...reviews.map((r) => r.confidence));
  for (let step = Math.floor(lowest * 100 + 1e-9); step <= 100; step++) {
    const threshold = step / 100;
    // Compared in hundredths so that 0.29 * 100 rounding cannot move a review across the line.
    const answered = reviews.filter((r) => Math.round(r.confidence * 1e6) >= step * 1e4);
    const answeredCount = weight(answered);
    if (answeredCount === 0) break;
    const answeredRight = weight(answered.filter((r) => r.right));
    if (answeredRight >= accuracy * answeredCount - 1e-9) {
      return {
        ...base,
        threshold,
        answered: answeredCount,
        answeredAccuracy: round4(answeredRight / answeredCount),
      };
    }
  }
  return { ...base, threshold: null, answered: 0, answeredAccuracy: null };
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
