import type { Agent } from '@hitl/shared/models';
import { authorOf, nowIso, type ServiceContext } from './service-context';

/**
 * An answer corrected outside the review-later list (from the conversation) leaves the list as corrected
 * by that agent, so nobody reviews it again. Nothing happens when it was never listed or is already marked.
 */
export async function settleReviewItemOf(
  ctx: ServiceContext,
  agent: Agent,
  messageId: string,
  correctionId: string,
): Promise<void> {
  const item = await ctx.store.findReviewItemByMessage(messageId);
  if (item?.status !== 'pending') return;
  const marked = await ctx.store.markReviewItem(item.id, {
    status: 'corrected',
    reviewer: authorOf(agent),
    at: nowIso(ctx),
    correctionId,
  });
  if (marked) ctx.notifier.reviewItemChanged(marked, 'updated');
}
