import type { Agent, Author, Conversation } from '@hitl/shared/models';
import { can } from '@hitl/shared/permissions';
import { noticeText } from '@hitl/shared/system-notices';
import { conversationTransitions } from '../domain/conversation';
import { createId } from '../lib/ids';
import { atCapacity } from './claim-conversation';
import { DomainError } from './domain-error';
import { appendOnce, runOperation } from './operations/pending-operations';
import { authorOf, nowIso, type ServiceContext } from './service-context';
import { eventIdFor, recordEvent } from './timeline/record-event';

export interface TransferPayload {
  conversationId: string;
  from: Author;
  to: Author;
  by: Author;
  noticeId: string;
}

/**
 * The owner (or an admin) passes a conversation to another active agent who is not offline. The store
 * decides: the move is conditional on the owner the transfer saw and on the new owner's limit, so of two
 * concurrent transfers (or a transfer and a close, on any node) exactly one wins. The customer is told
 * who took over; a restart between the move and that notice adds it (`resumeOperations`).
 */
export function transferConversation(
  ctx: ServiceContext,
  actor: Agent,
  conversationId: string,
  toAgentId: string,
): Promise<Conversation> {
  return ctx.conversationQueue.run(conversationId, async () => {
    const current = await ctx.store.getConversation(conversationId);
    if (!current) throw new DomainError('not_found', 'No such conversation.');
    if (current.state !== 'agent' || !current.assignee)
      throw new DomainError('invalid_state', `A ${current.state} conversation is claimed, not transferred.`);
    if (current.assignee.id !== actor.id && !can(actor.role, 'conversation.release-others'))
      throw new DomainError('not_owner', `${current.assignee.name} owns this conversation.`);
    if (current.assignee.id === toAgentId)
      throw new DomainError('invalid_state', `${current.assignee.name} already has this conversation.`);
    const target = await ctx.store.getAgent(toAgentId);
    if (!target?.active) throw new DomainError('not_found', 'No such active team member.');
    if (!(await ctx.notifier.agentPresence()).has(target.id))
      throw new DomainError('invalid_state', `${target.name} is offline.`);

    const payload: TransferPayload = {
      conversationId,
      from: current.assignee,
      to: authorOf(target),
      by: authorOf(actor),
      noticeId: createId('msg'),
    };
    return runOperation(ctx, 'transfer', payload, async () => {
      const rule = conversationTransitions.transfer;
      const moved = await ctx.store.assignConversation(
        conversationId,
        rule.from,
        { state: rule.to, assignee: payload.to, updatedAt: nowIso(ctx) },
        { assigneeId: payload.from.id, maxOpen: ctx.assignment.maxOpen },
      );
      if (moved === 'at_capacity') throw atCapacity(ctx, target, false);
      if (!moved) throw new DomainError('conflict', 'The conversation changed hands meanwhile; look again.');
      ctx.faults.reached('transfer:decided');
      return () => finishTransfer(ctx, payload);
    });
  });
}

/** What follows a transfer: the customer is told who took over, and every console sees the new owner. */
export async function finishTransfer(ctx: ServiceContext, payload: TransferPayload): Promise<Conversation> {
  const { conversation, message } = await appendOnce(ctx, payload.conversationId, {
    id: payload.noticeId,
    role: 'system',
    text: noticeText('transferred', payload.to.name),
    notice: 'transferred',
  });
  await recordEvent(ctx, {
    id: eventIdFor(payload.noticeId),
    conversationId: payload.conversationId,
    kind: 'transferred',
    actor: payload.by,
    at: message.createdAt,
    from: payload.from,
    to: payload.to,
  });
  ctx.notifier.conversationChanged(conversation, 'updated');
  return conversation;
}
