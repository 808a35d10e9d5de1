import type { Reason } from '@hitl/shared/models';
import { orderQueue } from '@hitl/shared/queue-priority';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../apps/server/src/store/store';
import type { CurrentStore } from './store-contract';
import { agentAuthor, at, conversationFixture, uniqueId } from './store-fixtures';

const rule: Reason = { signal: 'topic_rule', value: 1, rule: 'legal-threat' };
const unsure: Reason = { signal: 'low_confidence', value: 0.31, threshold: 0.66 };
const request: Reason = { signal: 'customer_request', value: 1 };
const card: Reason = { signal: 'sensitive_data', value: 'card' };

/** A conversation of `siteKey` escalated at `at(seconds)` with `reasons`. */
async function queued(store: Store, siteKey: string, seconds: number, reasons: Reason[]) {
  const conversation = await store.createConversation(conversationFixture({ siteKey }));
  const escalated = await store.transitionConversation(conversation.id, ['bot'], {
    state: 'queued',
    reasons,
    escalatedAt: at(seconds),
    updatedAt: at(seconds),
  });
  if (!escalated) throw new Error('could not escalate the fixture');
  return escalated;
}

export function describeQueueWaitContract(current: CurrentStore): void {
  describe('the queue as waiting customers see it', () => {
    it("lists a site's queued conversations in the console's queue order, ordered by the database", async () => {
      const store = current();
      const waiting = [
        await queued(store, 'site_a', 10, [unsure]),
        await queued(store, 'site_a', 20, [request, rule]),
        await queued(store, 'site_a', 5, [unsure]),
        await queued(store, 'site_a', 30, []),
        await queued(store, 'site_a', 40, [card]),
        await queued(store, 'site_a', 15, [request]),
      ];
      // Same tier, same instant: the id decides.
      waiting.push(await queued(store, 'site_a', 10, [unsure]));
      await queued(store, 'site_b', 1, [rule]);
      const taken = await queued(store, 'site_a', 2, [rule]);
      await store.transitionConversation(taken.id, ['queued'], {
        state: 'agent',
        assignee: agentAuthor,
        updatedAt: at(50),
      });
      const list = await store.listQueue('site_a', 100);
      expect(list.map((q) => q.conversationId)).toEqual(orderQueue(waiting).map((c) => c.id));
      expect(list[0]).toEqual({ conversationId: waiting[1]?.id, visitorId: waiting[1]?.visitorId });
      expect(await store.listQueue('site_a', 2)).toEqual(list.slice(0, 2));
      expect(await store.listQueue('site_missing', 10)).toEqual([]);
    });

    it('follows a change of reasons: sensitive data sent while waiting moves a conversation up', async () => {
      const store = current();
      const first = await queued(store, 'site_a', 1, [unsure]);
      const second = await queued(store, 'site_a', 2, [unsure]);
      await store.transitionConversation(second.id, ['queued'], {
        reasons: [unsure, card],
        updatedAt: at(3),
      });
      expect((await store.listQueue('site_a', 10)).map((q) => q.conversationId)).toEqual([
        second.id,
        first.id,
      ]);
    });

    it("gives a site's latest takeover waits at or after `since`, newest first", async () => {
      const store = current();
      const a = await queued(store, 'site_a', 0, [unsure]);
      const b = await queued(store, 'site_b', 0, [unsure]);
      const claim = (conversationId: string, seconds: number, waitedMs?: number) =>
        store.appendConversationEvent({
          id: uniqueId('evt'),
          conversationId,
          kind: 'claimed',
          actor: agentAuthor,
          at: at(seconds),
          ...(waitedMs === undefined ? {} : { waitedMs }),
        });
      await claim(a.id, 10, 60_000);
      await claim(a.id, 30, 120_000);
      await claim(a.id, 20, 30_000);
      await claim(a.id, 40); // a take-over from the bot: nobody waited
      await claim(a.id, 5, 999_000); // before `since`
      await claim(b.id, 25, 1_000);
      await store.appendConversationEvent({
        id: uniqueId('evt'),
        conversationId: a.id,
        kind: 'escalated',
        actor: null,
        at: at(35),
        reasons: [unsure],
      });
      expect(await store.listTakeoverWaits('site_a', at(10), 50)).toEqual([120_000, 30_000, 60_000]);
      expect(await store.listTakeoverWaits('site_a', at(10), 2)).toEqual([120_000, 30_000]);
      expect(await store.listTakeoverWaits('site_b', at(0), 50)).toEqual([1_000]);
      expect(await store.listTakeoverWaits('site_missing', at(0), 50)).toEqual([]);
      // The wait is part of the event too, for the timeline.
      expect((await store.listConversationEvents(a.id, 50)).map((e) => e.waitedMs)).toEqual([
        999_000,
        60_000,
        30_000,
        120_000,
        undefined,
        undefined,
      ]);
    });
  });
}
