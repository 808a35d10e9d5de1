import type { QueueStatus } from '@hitl/shared/queue-wait';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyedQueue } from '../../lib/keyed-queue';
import { silentLogger } from '../../lib/logger';
import type { ServiceContext } from '../service-context';
import { createQueueUpdates } from './queue-updates';

/** Only what a push reads: each site has one waiting visitor, one agent online, no takeover measured. */
function fakeContext(pushes: string[]): ServiceContext {
  return {
    store: {
      listQueue: async (siteKey: string) => [
        { conversationId: `conv_${siteKey}`, visitorId: `v_${siteKey}` },
      ],
      listTakeoverWaits: async () => [],
      countOwnedConversations: async () => ({}),
      listSiteKeys: async () => [{ key: 'a' }, { key: 'b' }],
    },
    notifier: {
      agentPresence: async () => new Map([['agt_1', 'online']]),
      queuePosition: (siteKey: string, _visitorId: string, status: QueueStatus) =>
        pushes.push(`${siteKey}:${status.position}`),
    },
    clock: { now: () => new Date() },
    logger: silentLogger,
    assignment: { mode: 'manual', maxOpen: 10, offlineGraceMs: 0, awayAfterMs: 1000 },
    conversationQueue: new KeyedQueue(),
  } as unknown as ServiceContext;
}

describe('createQueueUpdates', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pushes a quiet site at once, a busy one once per interval with everything that happened meanwhile', async () => {
    const pushes: string[] = [];
    const ctx = fakeContext(pushes);
    const updates = createQueueUpdates(() => ctx, 1000);
    for (let i = 0; i < 10; i++) updates.siteChanged('a');
    updates.siteChanged('b');
    await vi.advanceTimersByTimeAsync(0);
    await ctx.conversationQueue.drain();
    expect(pushes.sort()).toEqual(['a:1', 'b:1']);

    // Within the interval: one more push at its end, however many changes.
    for (let i = 0; i < 10; i++) updates.siteChanged('a');
    await vi.advanceTimersByTimeAsync(999);
    await ctx.conversationQueue.drain();
    expect(pushes).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await ctx.conversationQueue.drain();
    expect(pushes).toEqual(['a:1', 'b:1', 'a:1']);
    updates.stop();
  });

  it('pushes every site once when presence changes, and nothing after stop', async () => {
    const pushes: string[] = [];
    const ctx = fakeContext(pushes);
    const updates = createQueueUpdates(() => ctx, 500);
    updates.everySiteChanged();
    updates.everySiteChanged();
    await vi.advanceTimersByTimeAsync(0);
    await ctx.conversationQueue.drain();
    expect(pushes.sort()).toEqual(['a:1', 'b:1']);
    updates.siteChanged('a');
    updates.stop();
    await vi.advanceTimersByTimeAsync(1000);
    await ctx.conversationQueue.drain();
    expect(pushes).toHaveLength(2);
  });
});
