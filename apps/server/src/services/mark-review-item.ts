import type { Agent, Conversation, Correction, Message } from '@hitl/shared/models';
import type { ReviewItem, ReviewMarkResult, reviewMarkSchema } from '@hitl/shared/review-items';
import type { z } from 'zod';
import { botMaySpeak, botSpeakingStates } from '../domain/conversation';
import { createId } from '../lib/ids';
import { appendAndNotify, appendBotAndNotify } from './append-and-notify';
import { DomainError } from './domain-error';
import { recordCorrection } from './record-correction';
import { authorOf, nowIso, type ServiceContext } from './service-context';

export type ReviewMark = z.infer<typeof reviewMarkSchema>;

/** What the customer reads before a correction sent after the fact: the assistant's voice, or a person's. */
export const FOLLOW_UP_PREFIX = {
  bot: 'A correction to my earlier answer: ',
  agent: 'A correction to our earlier answer: ',
};

/**
 * An agent marks a review-later answer right, or corrects it. Written once: the store's compare-and-set on
 * the item decides between concurrent marks, and the loser is told who marked it first. A correction goes
 * through the usual correction path (provenance, second-person review) and, while the customer is still
 * there — the conversation is not closed — reaches them as a follow-up message.
 */
export async function markReviewItem(
  ctx: ServiceContext,
  agent: Agent,
  mark: ReviewMark,
): Promise<ReviewMarkResult> {
  const item = await ctx.store.getReviewItem(mark.itemId);
  if (!item) throw new DomainError('not_found', 'No such review item.');
  if (item.status !== 'pending') throw alreadyMarked(item);
  const at = nowIso(ctx);
  const claim = async (correctionId: string | null): Promise<ReviewItem> => {
    const marked = await ctx.store.markReviewItem(item.id, {
      status: correctionId === null ? 'right' : 'corrected',
      reviewer: authorOf(agent),
      at,
      correctionId,
    });
    if (marked) return marked;
    throw alreadyMarked((await ctx.store.getReviewItem(item.id)) ?? item);
  };

  let marked: ReviewItem | undefined;
  let correction: Correction | null = null;
  let followUp: Message | null = null;
  if (mark.verdict === 'right') {
    marked = await claim(null);
  } else {
    correction = await recordCorrection(
      ctx,
      agent,
      {
        messageId: item.messageId,
        correctedText: mark.correctedText,
        reasons: mark.reasons,
        note: mark.note,
        timeSpentMs: mark.timeSpentMs,
      },
      {
        beforeStore: async (prepared) => {
          marked = await claim(prepared.id);
        },
      },
    );
    followUp = await sendFollowUp(ctx, agent, item.conversationId, mark.correctedText);
  }
  if (!marked) throw new Error(`review item ${item.id} was not marked`);
  await ctx.store.appendAudit({
    id: createId('aud'),
    actor: authorOf(agent),
    action: `review_item.${marked.status}`,
    target: item.id,
    data: {
      messageId: item.messageId,
      correctionId: correction?.id ?? null,
      followUpMessageId: followUp?.id ?? null,
    },
    at,
  });
  ctx.notifier.reviewItemChanged(marked, 'updated');
  return { item: marked, correction, followUp };
}

/**
 * The corrected answer for a customer who is still there (the conversation is not closed). While the bot
 * has the conversation the assistant corrects itself; once a person has it (queued or claimed), the bot
 * stays silent and the correcting agent speaks under their own name. Null when the conversation is closed.
 */
async function sendFollowUp(
  ctx: ServiceContext,
  agent: Agent,
  conversationId: string,
  correctedText: string,
): Promise<Message | null> {
  return ctx.conversationQueue.run(conversationId, async () => {
    const conversation = await ctx.store.getConversation(conversationId);
    if (!conversation || !customerStillThere(conversation)) return null;
    if (botMaySpeak(conversation.state)) {
      // In the bot's voice only while no person has it, decided by the store (a claim on another node
      // may come first); then the agent speaks instead.
      const expected = { states: botSpeakingStates, botContextFromSeq: conversation.botContextFromSeq };
      const text = `${FOLLOW_UP_PREFIX.bot}${correctedText}`;
      const sent = await appendBotAndNotify(ctx, conversationId, { role: 'bot', text }, expected);
      if (sent) return sent.message;
      const now = await ctx.store.getConversation(conversationId);
      if (!now || !customerStillThere(now)) return null;
    }
    const { message } = await appendAndNotify(ctx, conversationId, {
      role: 'agent',
      text: `${FOLLOW_UP_PREFIX.agent}${correctedText}`,
      author: authorOf(agent),
    });
    return message;
  });
}

export const customerStillThere = (conversation: Conversation): boolean => conversation.state !== 'closed';

function alreadyMarked(item: ReviewItem): DomainError {
  const verdict = item.status === 'right' ? 'marked right' : 'corrected';
  const by = item.reviewer ? ` by ${item.reviewer.name}` : '';
  return new DomainError('conflict', `This answer was already ${verdict}${by}.`);
}
