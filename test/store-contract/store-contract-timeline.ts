import type { TimelineEvent } from '@hitl/shared/conversation-timeline';
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './store-contract';
import { agentAuthor, at, conversationFixture, reviewerAuthor } from './store-fixtures';

export function describeTimelineContract(current: CurrentStore): void {
  describe('conversation timeline', () => {
    const event = (conversationId: string, overrides: Partial<TimelineEvent>): TimelineEvent => ({
      id: `evt_${Math.random().toString(36).slice(2)}`,
      conversationId,
      kind: 'claimed',
      actor: agentAuthor,
      at: at(1),
      ...overrides,
    });

    it('keeps every event with its details, oldest first, per conversation', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const other = await store.createConversation(conversationFixture());
      const escalated = event(id, {
        kind: 'escalated',
        actor: null,
        at: at(1),
        reasons: [{ signal: 'low_confidence', value: 0.31, threshold: 0.66 }],
      });
      const transferred = event(id, {
        kind: 'transferred',
        at: at(3),
        from: agentAuthor,
        to: reviewerAuthor,
      });
      const closed = event(id, { kind: 'closed', at: at(4), outcome: 'spam', tags: ['bulk'] });
      const claimed = event(id, { kind: 'claimed', at: at(2) });
      for (const e of [closed, escalated, transferred, claimed]) await store.appendConversationEvent(e);
      await store.appendConversationEvent(event(other.id, { at: at(2) }));
      expect(await store.listConversationEvents(id, 50)).toEqual([escalated, claimed, transferred, closed]);
      expect(await store.listConversationEvents(id, 2)).toEqual([escalated, claimed]);
      expect(await store.listConversationEvents('conv_missing', 50)).toEqual([]);
    });

    it('adds an event with an id it has once: a replayed step changes nothing', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const first = event(id, { kind: 'handed_back' });
      await store.appendConversationEvent(first);
      await store.appendConversationEvent({ ...first, kind: 'closed' });
      expect(await store.listConversationEvents(id, 50)).toEqual([first]);
    });
  });
}
