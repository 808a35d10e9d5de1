import type { ReviewPriority } from '@hitl/shared/review-items';
import { reviewPriority } from '../domain/review-priority';
import { countSimilar } from '../responder/question-similarity';
import type { ServiceContext } from './service-context';

/** How far back, and how many, customer questions a review's worth is counted against. */
export const SIMILAR_WINDOW_DAYS = 30;
export const SIMILAR_POOL_LIMIT = 2000;

/** One answer to weigh: the question it answered and the bot's confidence in it (null: none recorded). */
export interface ReviewCandidate {
  question: string;
  confidence: number | null;
}

/**
 * Each candidate's expected value (uncertainty × recent similar questions). The pool of recent customer
 * questions is read once per call (one bounded query) and shared by every candidate of the request.
 */
export async function reviewPriorities(
  ctx: ServiceContext,
  candidates: readonly ReviewCandidate[],
): Promise<ReviewPriority[]> {
  if (candidates.length === 0) return [];
  const since = new Date(ctx.clock.now().getTime() - SIMILAR_WINDOW_DAYS * 86_400_000).toISOString();
  const pool = await ctx.store.listRecentCustomerTexts(since, SIMILAR_POOL_LIMIT);
  const counts = countSimilar(
    candidates.map((c) => c.question),
    pool,
  );
  return candidates.map((c, i) => reviewPriority(c.confidence, counts[i] ?? 0));
}
