import type { Correction } from '@hitl/shared/models';
import type { CorrectionFilter } from '@hitl/shared/rest';
import type {
  CorrectionListResponse,
  PrioritizedReviewItem,
  ReviewItemListQuery,
  ReviewOrder,
} from '@hitl/shared/review-items';
import { orderForReview } from '../domain/review-priority';
import { reviewPriorities } from './review-priorities';
import type { ServiceContext } from './service-context';

/**
 * The review-later list in the order asked for. By value: the latest `limit` items of the status, each
 * weighed, highest first. By time: straight from the store.
 */
export async function listReviewItems(
  ctx: ServiceContext,
  query: ReviewItemListQuery,
): Promise<PrioritizedReviewItem[]> {
  const items = await ctx.store.listReviewItems({
    status: query.status,
    limit: query.limit,
    oldestFirst: query.order === 'oldest',
  });
  const priorities = await reviewPriorities(ctx, items);
  const rows = items.map((item, i) => ({ ...item, priority: priorities[i] ?? zero }));
  return orderForReview(rows, query.order);
}

const CORRECTIONS_SHOWN = 200;

/**
 * Corrections for the review queue, each with what reviewing it is worth: the bot's uncertainty in the
 * reply it replaced times the recent questions like the one it answered (the last customer turn before it).
 * Oldest first reads the store's oldest-first cursor and stops after a page.
 */
export async function listPrioritizedCorrections(
  ctx: ServiceContext,
  filter: CorrectionFilter,
  order: ReviewOrder,
): Promise<CorrectionListResponse> {
  const corrections =
    order === 'oldest'
      ? await firstOldest(ctx, filter)
      : await ctx.store.listCorrections(filter, { limit: CORRECTIONS_SHOWN, offset: 0 });
  const priorities = await reviewPriorities(
    ctx,
    corrections.map((c) => ({ question: questionOf(c), confidence: c.original.confidence })),
  );
  const rows = corrections.map((c, i) => ({ ...c, priority: priorities[i] ?? zero }));
  const ordered = orderForReview(rows, order);
  return {
    corrections: ordered.map(({ priority: _priority, ...c }) => c),
    priorities: Object.fromEntries(ordered.map((c) => [c.id, c.priority])),
  };
}

async function firstOldest(ctx: ServiceContext, filter: CorrectionFilter): Promise<Correction[]> {
  const page: Correction[] = [];
  for await (const correction of ctx.store.iterateCorrections(filter)) {
    page.push(correction);
    if (page.length >= CORRECTIONS_SHOWN) break;
  }
  return page;
}

function questionOf(correction: Correction): string {
  for (let i = correction.context.length - 1; i >= 0; i--) {
    const turn = correction.context[i];
    if (turn?.role === 'customer') return turn.text;
  }
  return '';
}

const zero = { uncertainty: 0, similar: 0, value: 0 };
