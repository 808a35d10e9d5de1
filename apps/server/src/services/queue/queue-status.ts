import type { Conversation } from '@hitl/shared/models';
import type { QueueStatus } from '@hitl/shared/queue-wait';
import { expectedWaitMs, TAKEOVER_SAMPLE, TAKEOVER_WINDOW_MS } from '../../domain/expected-wait';
import type { ServiceContext } from '../service-context';

/** Positions beyond this are not computed (nor pushed): the queue's head is what changes. */
const QUEUE_LIMIT = 1000;

export interface WaitingVisitor {
  visitorId: string;
  status: QueueStatus;
}

/**
 * Every waiting conversation of a site with its place and expected wait: the order and the recent
 * takeover times come from store queries, presence from every node's sockets.
 */
export async function readSiteQueue(ctx: ServiceContext, siteKey: string): Promise<WaitingVisitor[]> {
  const queue = await ctx.store.listQueue(siteKey, QUEUE_LIMIT);
  if (queue.length === 0) return [];
  const since = new Date(ctx.clock.now().getTime() - TAKEOVER_WINDOW_MS).toISOString();
  const [recentWaitsMs, presence, owned] = await Promise.all([
    ctx.store.listTakeoverWaits(siteKey, since, TAKEOVER_SAMPLE),
    ctx.notifier.agentPresence(),
    ctx.store.countOwnedConversations(),
  ]);
  const limit = ctx.assignment.maxOpen;
  let agentsWithRoom = 0;
  for (const [agentId, status] of presence) {
    if (status === 'online' && (limit === null || (owned[agentId] ?? 0) < limit)) agentsWithRoom++;
  }
  return queue.map((entry, index) => ({
    visitorId: entry.visitorId,
    status: {
      conversationId: entry.conversationId,
      position: index + 1,
      expectedWaitMs: expectedWaitMs({
        position: index + 1,
        recentWaitsMs,
        agentsWithRoom,
        agentsConnected: presence.size,
      }),
    },
  }));
}

/** Where one conversation stands; null unless it waits in the queue. */
export async function readQueueStatus(
  ctx: ServiceContext,
  conversation: Conversation,
): Promise<QueueStatus | null> {
  if (conversation.state !== 'queued') return null;
  const waiting = await readSiteQueue(ctx, conversation.siteKey);
  return waiting.find((w) => w.status.conversationId === conversation.id)?.status ?? null;
}
