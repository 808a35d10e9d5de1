import type { Notifier } from '../notifier';
import type { ServiceContext } from '../service-context';
import { readSiteQueue } from './queue-status';

export interface QueueUpdates {
  /** Something that may move a site's queue happened (an escalation, claim, close, transfer, return). */
  siteChanged(siteKey: string): void;
  /** Agents came, went or changed presence: every site's expected waits may have moved. */
  everySiteChanged(): void;
  stop(): void;
}

/**
 * Pushes `queue:position` to each waiting customer of a site when its queue may have changed: at once when
 * the site had no push for `intervalMs`, otherwise at the end of that interval with everything that happened
 * meanwhile — at most one push per interval per site, so a busy queue does not send a storm.
 * The pushes go to visitor rooms through the adapter, so a change on one node reaches widgets on every node.
 * They run in the conversation queue, so shutdown and the tests' settle wait for a push already started.
 */
export function createQueueUpdates(context: () => ServiceContext, intervalMs: number): QueueUpdates {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const lastPush = new Map<string, number>();
  let stopped = false;

  const push = (siteKey: string) => {
    const ctx = context();
    return ctx.conversationQueue.run(`queue:${siteKey}`, async () => {
      const waiting = await readSiteQueue(ctx, siteKey);
      for (const { visitorId, status } of waiting) ctx.notifier.queuePosition(siteKey, visitorId, status);
    });
  };

  const siteChanged = (siteKey: string) => {
    if (stopped || timers.has(siteKey)) return;
    const now = context().clock.now().getTime();
    const wait = Math.max(0, (lastPush.get(siteKey) ?? Number.NEGATIVE_INFINITY) + intervalMs - now);
    const timer = setTimeout(() => {
      timers.delete(siteKey);
      lastPush.set(siteKey, context().clock.now().getTime());
      push(siteKey).catch((err: unknown) =>
        context().logger.error({ err, siteKey }, 'queue positions failed'),
      );
    }, wait);
    timer.unref();
    timers.set(siteKey, timer);
  };

  return {
    siteChanged,
    everySiteChanged() {
      const ctx = context();
      ctx.store.listSiteKeys().then(
        (sites) => {
          for (const site of sites) siteChanged(site.key);
        },
        (err: unknown) => ctx.logger.error({ err }, 'queue positions failed'),
      );
    },
    stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

/**
 * Every conversation change may move its site's queue: the notifier says so to `updates` as it passes. A
 * change out of the queue or away from an agent (a claim, close, hand-back, transfer) may also take or free an
 * agent's place, which every site's expected wait counts on.
 */
export function watchQueueChanges(inner: Notifier, updates: () => QueueUpdates): Notifier {
  return {
    ...inner,
    conversationChanged(conversation, change) {
      inner.conversationChanged(conversation, change);
      updates().siteChanged(conversation.siteKey);
      if (conversation.state !== 'queued') updates().everySiteChanged();
    },
  };
}
