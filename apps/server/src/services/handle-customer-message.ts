import type { Conversation, Message } from '@hitl/shared/models';
import { maskCardNumbers } from '../domain/signals/mask-card-numbers';
import { scoreSentiment } from '../domain/signals/sentiment';
import { createId } from '../lib/ids';
import { appendAndNotify, appendNotice } from './append-and-notify';
import { DomainError } from './domain-error';
import { flagSensitiveData } from './flag-sensitive-data';
import { nowIso, type ServiceContext } from './service-context';
import { startBotTurn } from './start-bot-turn';
import { ownsConversation, type Visitor } from './visitor';

export interface CustomerMessageInput {
  clientId: string;
  conversationId?: string | null | undefined;
  text: string;
}

/**
 * Stores a customer's message (idempotent on its client id), then lets the bot take its turn
 * in the background. Resolves once the message is stored: acked means stored.
 */
export function handleCustomerMessage(
  ctx: ServiceContext,
  visitor: Visitor,
  input: CustomerMessageInput,
  /** The connection it came in on: the ack gives it the message, the broadcast does not again. */
  origin?: string,
): Promise<{ message: Message; conversation: Conversation }> {
  return ctx.visitorQueue.run(`${visitor.siteKey}:${visitor.visitorId}`, async () => {
    const existing = await ctx.store.findVisitorMessageByClientId(
      visitor.siteKey,
      visitor.visitorId,
      input.clientId,
    );
    if (existing) {
      const conversation = await ctx.store.getConversation(existing.conversationId);
      // A resend after a lost ack: stored, but perhaps never answered (the server died first). The turn
      // does nothing when a turn answered it already.
      if (conversation?.state === 'bot') void startBotTurn(ctx, existing);
      if (conversation) return { message: existing, conversation };
    }
    const conversation = await openConversationFor(ctx, visitor, input.conversationId);
    // No full card number is ever stored: the message is kept with the card masked to its last four digits.
    const { text, findings } = maskCardNumbers(input.text);
    // Scored at ingest so the live monitor shows it in every state; the bot's turns reuse the score.
    const sentiment = scoreSentiment(text);
    const stored = await appendAndNotify(ctx, conversation.id, {
      role: 'customer',
      text,
      clientId: input.clientId,
      sentiment,
      ...(origin === undefined ? {} : { origin }),
    });
    if (stored.created) ctx.sentiments.remember(stored.message.id, sentiment);
    if (stored.created && text !== input.text) await appendNotice(ctx, conversation.id, 'card_masked');
    if (stored.created && stored.conversation.state !== 'bot')
      await flagSensitiveData(ctx, stored.conversation, findings);
    if (stored.created) void startBotTurn(ctx, stored.message, { findings, storedWith: stored.conversation });
    return { message: stored.message, conversation: stored.conversation };
  });
}

/** The conversation a message goes to: the one named (if the visitor owns it and it is open) or a new one. */
async function openConversationFor(
  ctx: ServiceContext,
  visitor: Visitor,
  conversationId: string | null | undefined,
): Promise<Conversation> {
  let conversation: Conversation | null;
  if (conversationId) {
    conversation = await ctx.store.getConversation(conversationId);
    if (!conversation || !ownsConversation(visitor, conversation)) {
      throw new DomainError('not_found', 'No such conversation.');
    }
  } else {
    conversation = await ctx.store.findOpenConversation(visitor.siteKey, visitor.visitorId);
  }
  if (conversation && conversation.state !== 'closed') return conversation;
  return ctx.store.createConversation({
    id: createId('conv'),
    siteKey: visitor.siteKey,
    visitorId: visitor.visitorId,
    createdAt: nowIso(ctx),
  });
}
