import type { Reason } from '@hitl/shared/models';
import { conversationTransitions } from '../domain/conversation';
import { appendNotice } from './append-and-notify';
import { nowIso, type ServiceContext } from './service-context';

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
  const { conversation } = await appendNotice(
    ctx,
    conversationId,
    online > 0 ? 'escalated' : 'no_agent_online',
  );
  ctx.notifier.conversationChanged(conversation, 'escalated');
  return conversation;
}
