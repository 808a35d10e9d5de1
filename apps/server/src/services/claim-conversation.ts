import type { Agent, Author, Conversation, ConversationState } from '@hitl/shared/models';
import { noticeText } from '@hitl/shared/system-notices';
import { conversationTransitions } from '../domain/conversation';
import { createId } from '../lib/ids';
import { DomainError } from './domain-error';
import { appendOnce, runOperation } from './operations/pending-operations';
import { authorOf, nowIso, type ServiceContext } from './service-context';
import { eventIdFor, recordEvent } from './timeline/record-event';

export interface ClaimPayload {
  conversationId: string;
  agent: Author;
  noticeId: string;
}

/**
 * An agent takes the conversation (from the queue, or over from the bot). Exactly one of concurrent
 * claims wins. The claim and its "agent joined" notice are two writes: a restart between them adds the
 * notice (`resumeOperations`).
 */
export function claimConversation(
  ctx: ServiceContext,
  agent: Agent,
  conversationId: string,
  /** Automatic assignment takes only queued conversations; an agent may also take over from the bot. */
  from?: readonly ConversationState[],
): Promise<Conversation> {
  return ctx.conversationQueue.run(conversationId, () =>
    runOperation(
      ctx,
      'claim',
      { conversationId, agent: authorOf(agent), noticeId: createId('msg') } satisfies ClaimPayload,
      async (payload) => {
        const rule = conversationTransitions.claim;
        const claimed = await ctx.store.assignConversation(
          conversationId,
          from ?? rule.from,
          { state: rule.to, assignee: payload.agent, updatedAt: nowIso(ctx) },
          { maxOpen: ctx.assignment.maxOpen },
        );
        if (claimed === 'at_capacity') throw atCapacity(ctx, agent);
        if (!claimed) {
          const current = await ctx.store.getConversation(conversationId);
          if (!current) throw new DomainError('not_found', 'No such conversation.');
          if (current.state === 'agent' && current.assignee?.id === agent.id) return async () => current;
          if (current.state === 'agent') {
            throw new DomainError(
              'already_claimed',
              `${current.assignee?.name ?? 'Another agent'} already has this conversation.`,
            );
          }
          throw new DomainError('invalid_state', `A ${current.state} conversation cannot be claimed.`);
        }
        ctx.faults.reached('claim:decided');
        return () => finishClaim(ctx, payload);
      },
    ),
  );
}

/** What follows a claim: the customer is told who joined, and every console sees the new owner. */
export async function finishClaim(ctx: ServiceContext, payload: ClaimPayload): Promise<Conversation> {
  const { conversation, message } = await appendOnce(ctx, payload.conversationId, {
    id: payload.noticeId,
    role: 'system',
    text: noticeText('agent_joined', payload.agent.name),
    notice: 'agent_joined',
  });
  await recordEvent(ctx, {
    id: eventIdFor(payload.noticeId),
    conversationId: payload.conversationId,
    kind: 'claimed',
    actor: payload.agent,
    at: message.createdAt,
    ...waitedSince(conversation.escalatedAt, message.createdAt),
  });
  ctx.notifier.conversationChanged(conversation, 'updated');
  return conversation;
}

/**
 * How long the customer waited for this person: from the escalation (kept while queued, cleared by a
 * hand-back) to the claim. None for a take-over from the bot, which nobody waited for. The queue's expected
 * wait is computed from these (`listTakeoverWaits`).
 */
function waitedSince(escalatedAt: string | null, claimedAt: string): { waitedMs?: number } {
  const waited = escalatedAt === null ? Number.NaN : Date.parse(claimedAt) - Date.parse(escalatedAt);
  return Number.isFinite(waited) && waited >= 0 ? { waitedMs: waited } : {};
}

/** The refusal when an agent already owns as many conversations as they may. */
export function atCapacity(ctx: ServiceContext, agent: Pick<Agent, 'name'>, self = true): DomainError {
  const limit = ctx.assignment.maxOpen ?? 0;
  return new DomainError(
    'at_capacity',
    self
      ? `You already have ${limit} open conversations, the most one agent may have. Close or hand one back first.`
      : `${agent.name} already has ${limit} open conversations, the most one agent may have.`,
  );
}
