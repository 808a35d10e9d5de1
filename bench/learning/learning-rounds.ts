import type { LabelledQuestion } from '../routing/load-banking77';

/** Which streamed questions an agent corrects. */
export type CorrectionMode = 'escalated' | 'every-wrong';

/** One streamed question: whether the bot escalated it, and (when it answered) whether rightly. */
export interface StreamOutcome {
  escalated: boolean;
  correct: boolean;
}

/** One point of the learning curve, measured at the end of a round (or at a checkpoint inside one). */
export interface CurvePoint {
  /** 1-based; a checkpoint inside a round carries that round's number. */
  round: number;
  /** Questions streamed so far. */
  streamed: number;
  /** Corrections taught so far. */
  corrections: number;
  /** Held-out test accuracy of the model at this point. */
  testAccuracy: number;
  /** Share of this round's questions escalated; null at a checkpoint inside a round. */
  escalatedShare: number | null;
  /** Accuracy of this round's answered questions; null when none was answered or at a checkpoint. */
  answeredAccuracy: number | null;
}

/**
 * Splits the training set into the starting articles' examples (the first `perIntent` questions of each
 * intent in a seeded shuffle) and the stream of customer questions (all the others, in that order).
 */
export function splitStartAndStream(
  train: readonly LabelledQuestion[],
  perIntent: number,
  random: () => number,
): { start: LabelledQuestion[]; stream: LabelledQuestion[] } {
  const shuffled = shuffle(train, random);
  const taken = new Map<string, number>();
  const start: LabelledQuestion[] = [];
  const stream: LabelledQuestion[] = [];
  for (const item of shuffled) {
    const count = taken.get(item.intent) ?? 0;
    if (count < perIntent) {
      taken.set(item.intent, count + 1);
      start.push(item);
    } else stream.push(item);
  }
  return { start, stream };
}

/** Fisher–Yates with the given generator: the same seed gives the same order. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Consecutive rounds of `size` (the last may be shorter). */
export function toRounds<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new Error('a round holds at least one question');
  const rounds: T[][] = [];
  for (let i = 0; i < items.length; i += size) rounds.push(items.slice(i, i + size));
  return rounds;
}

/** Whether an agent corrects this question: every escalation, and in `every-wrong` each wrong answer too. */
export function isCorrected(mode: CorrectionMode, outcome: StreamOutcome): boolean {
  return outcome.escalated || (mode === 'every-wrong' && !outcome.correct);
}

/** The curve point closing a round. */
export function summarizeRound(
  round: number,
  outcomes: readonly StreamOutcome[],
  before: { streamed: number; corrections: number },
  mode: CorrectionMode,
  testAccuracy: number,
): CurvePoint {
  const answered = outcomes.filter((outcome) => !outcome.escalated);
  const corrected = outcomes.filter((outcome) => isCorrected(mode, outcome)).length;
  return {
    round,
    streamed: before.streamed + outcomes.length,
    corrections: before.corrections + corrected,
    testAccuracy,
    escalatedShare: outcomes.length === 0 ? 0 : (outcomes.length - answered.length) / outcomes.length,
    answeredAccuracy:
      answered.length === 0 ? null : answered.filter((outcome) => outcome.correct).length / answered.length,
  };
}

/**
 * The held-out accuracy once `corrections` were taught: the point measured exactly there when there is
 * one, otherwise the last point before it (the curve never got that far: null).
 */
export function accuracyAt(curve: readonly CurvePoint[], corrections: number): CurvePoint | null {
  const exact = curve.find((point) => point.corrections === corrections);
  if (exact !== undefined) return exact;
  const reached = curve.some((point) => point.corrections > corrections);
  if (!reached) return null;
  return curve.filter((point) => point.corrections < corrections).at(-1) ?? null;
}
