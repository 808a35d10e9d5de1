import type { Agent } from '@hitl/shared/models';
import { DomainError } from './domain-error';
import { authorOf, type ServiceContext } from './service-context';
import { ownsConversation, type Visitor } from './visitor';

/** The customer is typing: told only to the agents watching their conversation, never to other visitors. */
export async function relayCustomerTyping(
  ctx: ServiceContext,
  visitor: Visitor,
  input: { conversationId: string; typing: boolean },
): Promise<null> {
  const conversation = await ctx.store.getConversation(input.conversationId);
  if (!conversation || !ownsConversation(visitor, conversation))
    throw new DomainError('not_found', 'No such conversation.');
  if (conversation.state === 'closed') throw new DomainError('invalid_state', 'The conversation is closed.');
  ctx.notifier.customerTyping(conversation, input.typing);
  return null;
}

/** The agent who owns the conversation is typing a reply: told only to that visitor's sockets. */
export async function relayAgentTyping(
  ctx: ServiceContext,
  agent: Agent,
  input: { conversationId: string; typing: boolean },
): Promise<null> {
  const conversation = await ctx.store.getConversation(input.conversationId);
  if (!conversation) throw new DomainError('not_found', 'No such conversation.');
  // Only the one who may reply may look as if they were replying.
  if (conversation.state !== 'agent') throw new DomainError('invalid_state', 'Claim the conversation first.');
  if (conversation.assignee?.id !== agent.id)
    throw new DomainError(
      'not_owner',
      `${conversation.assignee?.name ?? 'Another agent'} owns this conversation.`,
    );
  ctx.notifier.agentTyping(conversation, authorOf(agent), input.typing);
  return null;
}
