import { canTransition } from '@hitl/shared/conversation-rules';
import type { Agent, Conversation } from '@hitl/shared/models';

export function isAssignedTo(conversation: Conversation, agent: Pick<Agent, 'id'>): boolean {
  return conversation.state === 'agent' && conversation.assignee?.id === agent.id;
}

/** The server's own table decides: what it would refuse is not offered. */
export function canClaim(conversation: Conversation): boolean {
  return canTransition(conversation.state, 'claim');
}

export function canClose(conversation: Conversation): boolean {
  return canTransition(conversation.state, 'close');
}

export function canTransfer(conversation: Conversation): boolean {
  return canTransition(conversation.state, 'transfer');
}

/** Newer wins; equal timestamps accept the incoming copy so repeated broadcasts stay idempotent. */
export function isNewerOrSame(incoming: Conversation, current: Conversation | undefined): boolean {
  if (!current) return true;
  const incomingAt = Date.parse(incoming.updatedAt);
  const currentAt = Date.parse(current.updatedAt);
  if (Number.isNaN(incomingAt) || Number.isNaN(currentAt)) return true;
  return incomingAt >= currentAt;
}
