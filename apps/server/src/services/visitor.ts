import type { Conversation, Message } from '@hitl/shared/models';
import type { PublicConversation } from '@hitl/shared/widget-events';

/** An authenticated widget user: a visitor id bound to a site key. */
export interface Visitor {
  siteKey: string;
  visitorId: string;
}

export function ownsConversation(visitor: Visitor, conversation: Conversation): boolean {
  return conversation.siteKey === visitor.siteKey && conversation.visitorId === visitor.visitorId;
}

export function toPublicConversation(conversation: Conversation): PublicConversation {
  return {
    id: conversation.id,
    state: conversation.state,
    agent: conversation.state === 'agent' ? conversation.assignee : null,
    lastSeq: conversation.lastSeq,
    contactLeft: conversation.contactEmail !== null,
    rated: conversation.satisfaction !== null,
  };
}

/**
 * What a visitor may see of a message: no internal model details (alternatives, token usage, cost) and no
 * e-mail delivery state (attempts, the mail server's refusal).
 */
export function toPublicMessage(message: Message): Message {
  const { email: _delivery, ...visible } = message;
  if (!visible.bot) return visible;
  const { confidence, responder, modelId, sources, topic } = visible.bot;
  return { ...visible, bot: { confidence, responder, modelId, sources, alternatives: [], topic } };
}
