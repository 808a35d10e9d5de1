import type { ReviewOrder, ReviewPriority } from '@hitl/shared/review-items';

/**
 * What reviewing one answer is worth: how unsure the bot was (1 − its confidence; no confidence counts as
 * fully unsure) times how many recent customer questions resemble the one it answered.
 */
export function reviewPriority(confidence: number | null, similar: number): ReviewPriority {
  const uncertainty = round2(1 - clamp01(confidence ?? 0));
  return { uncertainty, similar, value: round2(uncertainty * similar) };
}

/**
 * Orders rows for review: by value, highest first (ties: newest first), or by time. Rows carry `createdAt`
 * (ISO-8601 UTC, so strings compare as instants) and an `id` that breaks the remaining ties.
 */
export function orderForReview<T extends { id: string; createdAt: string; priority: ReviewPriority }>(
  rows: readonly T[],
  order: ReviewOrder,
): T[] {
  const newestFirst = (a: T, b: T) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
  const sorted = [...rows];
  if (order === 'value') sorted.sort((a, b) => b.priority.value - a.priority.value || newestFirst(a, b));
  else if (order === 'newest') sorted.sort(newestFirst);
  else sorted.sort((a, b) => newestFirst(b, a));
  return sorted;
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const round2 = (n: number) => Math.round(n * 100) / 100;
