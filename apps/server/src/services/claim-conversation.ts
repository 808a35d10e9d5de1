import type { Agent, Conversation } from '@hitl/shared/models';
import { conversationTransitions } from '../domain/conversation';
import { appendNotice } from './append-and-notify';
import { DomainError } from './domain-error';
import { authorOf, nowIso, type ServiceContext } from './service-context';

/** An agent takes the conversation (from the queue, or over from the bot). Exactly one of concurrent claims wins. */
export function claimConversation(
  ctx: ServiceContext,
  agent: Agent,
  conversationId: string,
): Promise<Conversation> {
  return ctx.conversationQueue.run(conversationId, async () => {
    const rule = conversationTransitions.claim;
    const claimed = await ctx.store.transitionConversation(conversationId, rule.from, {
      state: rule.to,
      assignee: authorOf(agent),
      updatedAt: nowIso(ctx),
    });
    if (!claimed) {
      const current = await ctx.store.getConversation(conversationId);
      if (!current) throw new DomainError('not_found', 'No such conversation.');
      if (current.state === 'agent' && current.assignee?.id === agent.id) return current;
      if (current.state === 'agent') {
        throw new DomainError(
          'already_claimed',
          `${current.assignee?.name ?? 'Another agent'} already has this conversation.`,
        );
      }
      throw new DomainError('invalid_state', `A ${current.state} conversation cannot be claimed.`);
    }
    const { conversation } = await appendNotice(ctx, conversationId, 'agent_joined', agent.name);
    ctx.notifier.conversationChanged(conversation, 'updated');
    return conversation;
  });
}
