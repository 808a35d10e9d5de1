import type { Agent, Conversation } from '@hitl/shared/models';
import { can } from '@hitl/shared/permissions';
import { conversationTransitions } from '../domain/conversation';
import { appendNotice } from './append-and-notify';
import { DomainError } from './domain-error';
import { nowIso, type ServiceContext } from './service-context';

/**
 * The agent hands the conversation back to the bot. The bot's context restarts after the
 * current last message, so old turns cannot trigger a new escalation.
 */
export function handBackConversation(
  ctx: ServiceContext,
  agent: Agent,
  conversationId: string,
): Promise<Conversation> {
  return ctx.conversationQueue.run(conversationId, async () => {
    const current = await requireConversation(ctx, conversationId);
    const rule = conversationTransitions.hand_back;
    const updated = await ctx.store.transitionConversation(
      conversationId,
      rule.from,
      {
        state: rule.to,
        assignee: null,
        reasons: [],
        escalatedAt: null,
        botContextFromSeq: current.lastSeq,
        updatedAt: nowIso(ctx),
      },
      agent.id,
    );
    if (!updated) throw ownershipError(current, agent);
    const { conversation } = await appendNotice(ctx, conversationId, 'handed_back');
    ctx.notifier.conversationChanged(conversation, 'updated');
    return conversation;
  });
}

/** Closes the conversation: its owner may, and so may anyone while no agent owns it (or an admin). */
export function closeConversation(
  ctx: ServiceContext,
  agent: Agent,
  conversationId: string,
): Promise<Conversation> {
  return ctx.conversationQueue.run(conversationId, async () => {
    const current = await requireConversation(ctx, conversationId);
    if (
      current.state === 'agent' &&
      current.assignee?.id !== agent.id &&
      !can(agent.role, 'conversation.release-others')
    ) {
      throw ownershipError(current, agent);
    }
    const rule = conversationTransitions.close;
    const updated = await ctx.store.transitionConversation(conversationId, rule.from, {
      state: rule.to,
      updatedAt: nowIso(ctx),
    });
    if (!updated) throw new DomainError('invalid_state', 'The conversation is already closed.');
    const { conversation } = await appendNotice(ctx, conversationId, 'closed');
    ctx.notifier.conversationChanged(conversation, 'updated');
    return conversation;
  });
}

async function requireConversation(ctx: ServiceContext, id: string): Promise<Conversation> {
  const conversation = await ctx.store.getConversation(id);
  if (!conversation) throw new DomainError('not_found', 'No such conversation.');
  return conversation;
}

function ownershipError(current: Conversation, agent: Agent): DomainError {
  if (current.state !== 'agent')
    return new DomainError('invalid_state', `The conversation is ${current.state}.`);
  if (current.assignee?.id !== agent.id) {
    return new DomainError(
      'not_owner',
      `${current.assignee?.name ?? 'Another agent'} owns this conversation.`,
    );
  }
  return new DomainError('invalid_state', 'The conversation changed; reload it.');
}
