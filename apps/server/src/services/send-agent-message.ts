import type { Agent, Message } from '@hitl/shared/models';
import { appendAndNotify } from './append-and-notify';
import { DomainError } from './domain-error';
import { recordHumanAnswer } from './record-human-answer';
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
  if (created) {
    ctx.notifier.conversationChanged(updated, 'updated');
    await recordHumanAnswer(ctx, agent, updated, message).catch((err: unknown) =>
      ctx.logger.error({ err, messageId: message.id }, 'recording the human answer failed'),
    );
  }
  return message;
}
