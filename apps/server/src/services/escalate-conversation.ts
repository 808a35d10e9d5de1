import type { Reason } from '@hitl/shared/models';
import { conversationTransitions } from '../domain/conversation';
import { appendNotice } from './append-and-notify';
import { autoAssign } from './assignment/auto-assign';
import { nowIso, type ServiceContext } from './service-context';
import { eventIdFor, recordEvent } from './timeline/record-event';

/**
 * bot → queued with the reasons; agents are told, and the customer learns a person is coming (or that nobody
 * is online). `botContextFromSeq` is the boundary the bot's turn saw: a turn that outlived a claim and a
 * hand-back must not escalate the conversation again on its old question.
 */
export async function escalateConversation(
  ctx: ServiceContext,
  conversationId: string,
  reasons: Reason[],
  botContextFromSeq?: number,
) {
  const now = nowIso(ctx);
  const queued = await ctx.store.transitionConversation(
    conversationId,
    conversationTransitions.escalate.from,
    {
      state: conversationTransitions.escalate.to,
      reasons,
      escalatedAt: now,
      updatedAt: now,
    },
    undefined,
    botContextFromSeq,
  );
  if (!queued) return null;
  const online = await ctx.notifier.agentsOnline();
  const { conversation, message } = await appendNotice(
    ctx,
    conversationId,
    online > 0 ? 'escalated' : 'no_agent_online',
  );
  await recordEvent(ctx, {
    id: eventIdFor(message.id),
    conversationId,
    kind: 'escalated',
    actor: null,
    at: message.createdAt,
    reasons,
  });
  ctx.notifier.conversationChanged(conversation, 'escalated');
  // Automatic mode: the least busy online agent gets it at once (an ordinary claim, so the store's limit holds).
  const assigned = await autoAssign(ctx, conversationId).catch((err: unknown) => {
    ctx.logger.error({ err, conversationId }, 'automatic assignment failed');
    return null;
  });
  return assigned ?? conversation;
}
