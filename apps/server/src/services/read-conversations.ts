import type { Conversation, ConversationState, Message } from '@hitl/shared/models';
import type { WidgetSyncResult } from '@hitl/shared/widget-events';
import { DomainError } from './domain-error';
import { readQueueStatus } from './queue/queue-status';
import type { ServiceContext } from './service-context';
import { ownsConversation, toPublicConversation, toPublicMessage, type Visitor } from './visitor';

const CATCH_UP_LIMIT = 500;

/** A visitor's catch-up after (re)connecting: their open conversation and its public messages after `afterSeq`. */
export async function syncVisitor(
  ctx: ServiceContext,
  visitor: Visitor,
  input: { conversationId?: string | null | undefined; afterSeq: number },
): Promise<WidgetSyncResult> {
  let conversation: Conversation | null = null;
  if (input.conversationId) {
    conversation = await ctx.store.getConversation(input.conversationId);
    if (conversation && !ownsConversation(visitor, conversation)) conversation = null;
  }
  conversation ??= await ctx.store.findOpenConversation(visitor.siteKey, visitor.visitorId);
  if (!conversation) return { conversation: null, messages: [], queue: null };
  // A different conversation than the client knows: send all of it.
  const afterSeq = conversation.id === input.conversationId ? input.afterSeq : 0;
  const messages = await ctx.store.listMessages(conversation.id, {
    afterSeq,
    includeInternal: false,
    limit: CATCH_UP_LIMIT,
  });
  return {
    conversation: toPublicConversation(conversation),
    messages: messages.map(toPublicMessage),
    // So a reload shows the place in the queue at once, before the next push.
    queue: await readQueueStatus(ctx, conversation),
  };
}

/** An agent opens a conversation: everything after `afterSeq`, internal messages included. */
export async function readConversation(
  ctx: ServiceContext,
  conversationId: string,
  afterSeq: number,
): Promise<{ conversation: Conversation; messages: Message[] }> {
  const conversation = await ctx.store.getConversation(conversationId);
  if (!conversation) throw new DomainError('not_found', 'No such conversation.');
  const messages = await ctx.store.listMessages(conversationId, {
    afterSeq,
    includeInternal: true,
    limit: CATCH_UP_LIMIT,
  });
  return { conversation, messages };
}

export function listConversations(
  ctx: ServiceContext,
  query: {
    states?: readonly ConversationState[] | undefined;
    limit: number;
    before?: { updatedAt: string; id: string } | undefined;
  },
): Promise<Conversation[]> {
  return ctx.store.listConversations({
    limit: query.limit,
    ...(query.states ? { states: query.states } : {}),
    ...(query.before ? { before: query.before } : {}),
  });
}
