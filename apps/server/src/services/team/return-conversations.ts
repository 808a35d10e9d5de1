import type { Agent } from '@hitl/shared/models';
import { conversationTransitions } from '../../domain/conversation';
import { appendNotice } from '../append-and-notify';
import { nowIso, type ServiceContext } from '../service-context';
import { eventIdFor, recordEvent } from '../timeline/record-event';

const PAGE = 200;

/**
 * The conversations an agent owns go back to the queue (their escalation reasons kept), each with a
 * notice to the customer; one another agent claimed meanwhile is left alone (the store's condition).
 */
export async function returnConversationsOf(ctx: ServiceContext, agent: Agent): Promise<number> {
  let returned = 0;
  for (;;) {
    const owned = await ctx.store.listConversations({ states: ['agent'], assigneeId: agent.id, limit: PAGE });
    if (owned.length === 0) return returned;
    let moved = 0;
    for (const conversation of owned) {
      const done = await ctx.conversationQueue.run(conversation.id, async () => {
        const rule = conversationTransitions.unassign;
        const now = nowIso(ctx);
        const queued = await ctx.store.transitionConversation(
          conversation.id,
          rule.from,
          // A conversation taken over from the bot was never escalated: it starts waiting now (the queue's
          // order and the customer's place in it count from escalatedAt).
          { state: rule.to, assignee: null, escalatedAt: conversation.escalatedAt ?? now, updatedAt: now },
          agent.id,
        );
        if (!queued) return false;
        const { conversation: updated, message } = await appendNotice(
          ctx,
          conversation.id,
          'agent_left',
          agent.name,
        );
        await recordEvent(ctx, {
          id: eventIdFor(message.id),
          conversationId: conversation.id,
          kind: 'unassigned',
          actor: null,
          at: message.createdAt,
          from: { id: agent.id, name: agent.name },
        });
        ctx.notifier.conversationChanged(updated, 'escalated');
        return true;
      });
      if (done) moved++;
    }
    returned += moved;
    // Each pass moves what it found; what is left was claimed back by nobody else, so a pass that moved
    // nothing means the rest changed hands meanwhile.
    if (moved === 0) return returned;
  }
}
