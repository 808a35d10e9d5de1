import type { Message, Reason } from '@hitl/shared/models';
import type { ReviewItem } from '@hitl/shared/review-items';
import { createId } from '../lib/ids';
import { nowIso, type ServiceContext } from './service-context';

/** An answer sent in the review band enters the review-later list, and every agent hears of it. */
export async function addReviewItem(
  ctx: ServiceContext,
  question: Message,
  answer: Message,
  reasons: Reason[],
): Promise<ReviewItem | null> {
  if (!answer.bot) return null;
  const item = await ctx.store.createReviewItem({
    id: createId('rev'),
    conversationId: answer.conversationId,
    messageId: answer.id,
    question: question.text,
    answer: answer.text,
    confidence: answer.bot.confidence,
    topic: answer.bot.topic,
    reasons: reasons.filter((r) => r.signal === 'review_band'),
    createdAt: nowIso(ctx),
  });
  ctx.notifier.reviewItemChanged(item, 'created');
  return item;
}
