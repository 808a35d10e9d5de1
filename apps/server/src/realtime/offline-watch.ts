import type { Agent } from '@hitl/shared/models';
import { assignWaiting } from '../services/assignment/auto-assign';
import type { ServiceContext } from '../services/service-context';
import { returnConversationsOf } from '../services/team/return-conversations';

/**
 * When an agent's last console on this node goes, waits `offlineGraceMs` (a reload or a flaky network
 * reconnects well within it), then asks every node whether the agent has a console anywhere; if not,
 * their conversations return to the queue (the `unassign` transition, conditional on them still owning
 * each). The check runs in the conversation queue, so shutdown and the tests' settle wait for it.
 */
export function createOfflineWatch(ctx: ServiceContext) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const check = (agent: Agent) =>
    ctx.conversationQueue.run(`offline:${agent.id}`, async () => {
      if ((await ctx.notifier.agentPresence()).has(agent.id)) return;
      const returned = await returnConversationsOf(ctx, agent);
      if (returned === 0) return;
      ctx.logger.info({ agentId: agent.id, returned }, 'offline agent’s conversations queued');
      // Automatic mode: someone online takes them over at once.
      await assignWaiting(ctx);
    });

  return {
    disconnected(agent: Agent) {
      clearTimeout(timers.get(agent.id));
      const timer = setTimeout(() => {
        timers.delete(agent.id);
        check(agent).catch((err: unknown) =>
          ctx.logger.error({ err, agentId: agent.id }, 'returning an offline agent’s conversations failed'),
        );
      }, ctx.assignment.offlineGraceMs);
      timer.unref();
      timers.set(agent.id, timer);
    },
    stop() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type OfflineWatch = ReturnType<typeof createOfflineWatch>;
