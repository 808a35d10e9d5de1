import type { CloseOutcome } from '@hitl/shared/close-outcomes';
import type { Agent, Author, Conversation } from '@hitl/shared/models';
import { can } from '@hitl/shared/permissions';
import { noticeText } from '@hitl/shared/system-notices';
import { conversationTransitions } from '../domain/conversation';
import { createId } from '../lib/ids';
import { DomainError } from './domain-error';
import { appendOnce, runOperation } from './operations/pending-operations';
import { authorOf, nowIso, type ServiceContext } from './service-context';
import { eventIdFor, recordEvent } from './timeline/record-event';

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
    const payload: ReleasePayload = {
      conversationId,
      fromSeq: current.lastSeq,
      noticeId: createId('msg'),
      actor: authorOf(agent),
    };
    return runOperation(ctx, 'hand_back', payload, async () => {
      const rule = conversationTransitions.hand_back;
      const updated = await ctx.store.transitionConversation(
        conversationId,
        rule.from,
        {
          state: rule.to,
          assignee: null,
          reasons: [],
          escalatedAt: null,
          botContextFromSeq: payload.fromSeq,
          updatedAt: nowIso(ctx),
        },
        agent.id,
      );
      if (!updated) throw ownershipError(current, agent);
      ctx.faults.reached('hand_back:decided');
      return () => finishRelease(ctx, payload, 'handed_back');
    });
  });
}

/**
 * Closes the conversation from any open state, with how it ended: its owner may, and so may anyone while
 * no agent owns it (or an admin). Closing one the bot has needs no take-over, so the customer is only told
 * it was closed, never that an agent joined.
 */
export function closeConversation(
  ctx: ServiceContext,
  agent: Agent,
  conversationId: string,
  ending: { outcome: CloseOutcome; tags: string[] } = { outcome: 'resolved', tags: [] },
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
    const payload: ReleasePayload = {
      conversationId,
      fromSeq: current.lastSeq,
      noticeId: createId('msg'),
      actor: authorOf(agent),
    };
    return runOperation(ctx, 'close', payload, async () => {
      const rule = conversationTransitions.close;
      // Conditional on the owner the check above saw, so a claim or transfer in between refuses the close.
      const updated = await ctx.store.transitionConversation(
        conversationId,
        current.state === 'agent' ? ['agent'] : rule.from.filter((state) => state !== 'agent'),
        { state: rule.to, outcome: ending.outcome, tags: ending.tags, updatedAt: nowIso(ctx) },
        current.state === 'agent' ? current.assignee?.id : undefined,
      );
      if (!updated) {
        const now = await requireConversation(ctx, conversationId);
        if (now.state === 'closed')
          throw new DomainError('invalid_state', 'The conversation is already closed.');
        throw new DomainError('conflict', 'The conversation changed hands meanwhile; look again.');
      }
      ctx.faults.reached('close:decided');
      return () => finishRelease(ctx, payload, 'closed');
    });
  });
}

export interface ReleasePayload {
  conversationId: string;
  /** The conversation's last seq when it was released (a hand-back's new context boundary). */
  fromSeq: number;
  noticeId: string;
  /** Who released it (absent on records written before the timeline existed). */
  actor?: Author;
}

/** What follows a hand-back or a close: the customer is told, and every console sees the change. */
export async function finishRelease(
  ctx: ServiceContext,
  payload: ReleasePayload,
  notice: 'handed_back' | 'closed',
): Promise<Conversation> {
  const { conversation, message } = await appendOnce(ctx, payload.conversationId, {
    id: payload.noticeId,
    role: 'system',
    text: noticeText(notice),
    notice,
  });
  await recordEvent(ctx, {
    id: eventIdFor(payload.noticeId),
    conversationId: payload.conversationId,
    kind: notice,
    actor: payload.actor ?? null,
    at: message.createdAt,
    ...(notice === 'closed' && conversation.outcome
      ? { outcome: conversation.outcome, tags: conversation.tags }
      : {}),
  });
  ctx.notifier.conversationChanged(conversation, 'updated');
  return conversation;
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
