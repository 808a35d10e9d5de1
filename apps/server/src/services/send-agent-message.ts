import type { Agent, Message } from '@hitl/shared/models';
import { appendAndNotify } from './append-and-notify';
import { DomainError } from './domain-error';
import { authorOf, type ServiceContext } from './service-context';

export interface AgentMessageInput {
  conversationId: string;
  clientId: string;
  text: string;
}

/** An agent's reply to the customer; only the agent who owns the conversation may write. Idempotent on clientId. */
export async function sendAgentMessage(
  ctx: ServiceContext,
  agent: Agent,
  input: AgentMessageInput,
): Promise<Message> {
  const conversation = await ctx.store.getConversation(input.conversationId);
  if (!conversation) throw new DomainError('not_found', 'No such conversation.');
  if (conversation.state !== 'agent') {
    throw new DomainError('invalid_state', 'Claim the conversation before replying.');
  }
  if (conversation.assignee?.id !== agent.id) {
    throw new DomainError(
      'not_owner',
      `${conversation.assignee?.name ?? 'Another agent'} owns this conversation.`,
    );
  }
  const {
    message,
    conversation: updated,
    created,
  } = await appendAndNotify(ctx, conversation.id, {
    role: 'agent',
    text: input.text,
    clientId: input.clientId,
    author: authorOf(agent),
  });
  // Not a training example by itself: the agent marks the reply that answers the question (`answer:mark`).
  if (created) ctx.notifier.conversationChanged(updated, 'updated');
  return message;
}
