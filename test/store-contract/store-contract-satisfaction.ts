import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './store-contract';
import { at, conversationFixture } from './store-fixtures';

export function describeSatisfactionContract(current: CurrentStore): void {
  describe('satisfaction ratings', () => {
    it('stores one rating of a closed conversation by its visitor and keeps it', async () => {
      const store = current();
      const conversation = await store.createConversation(conversationFixture());
      expect(conversation.satisfaction).toBeNull();
      await store.transitionConversation(conversation.id, ['bot'], {
        state: 'closed',
        outcome: 'resolved',
        tags: [],
        updatedAt: at(2),
      });
      const input = {
        conversationId: conversation.id,
        visitorId: conversation.visitorId,
        rating: 4,
        comment: 'Quick and right',
        ratedAt: at(3),
      };
      const rated = await store.rateConversation(input);
      expect(rated).toMatchObject({
        satisfaction: { rating: 4, comment: 'Quick and right', ratedAt: at(3) },
        updatedAt: at(3),
      });
      expect(await store.rateConversation({ ...input, rating: 1, comment: null, ratedAt: at(4) })).toBeNull();
      expect((await store.getConversation(conversation.id))?.satisfaction).toEqual({
        rating: 4,
        comment: 'Quick and right',
        ratedAt: at(3),
      });
    });

    it('refuses an open conversation, another visitor and an unknown id, changing nothing', async () => {
      const store = current();
      const open = await store.createConversation(conversationFixture());
      const base = { visitorId: open.visitorId, rating: 5, comment: null, ratedAt: at(2) };
      expect(await store.rateConversation({ ...base, conversationId: open.id })).toBeNull();
      await store.transitionConversation(open.id, ['bot'], {
        state: 'closed',
        outcome: 'resolved',
        tags: [],
        updatedAt: at(3),
      });
      expect(
        await store.rateConversation({ ...base, conversationId: open.id, visitorId: 'someone-else' }),
      ).toBeNull();
      expect(await store.rateConversation({ ...base, conversationId: 'no-such-conversation' })).toBeNull();
      const after = await store.getConversation(open.id);
      expect(after).toMatchObject({ satisfaction: null, updatedAt: at(3) });
      // Still rateable by its own visitor once closed.
      expect(await store.rateConversation({ ...base, conversationId: open.id, comment: null })).toMatchObject(
        {
          satisfaction: { rating: 5, comment: null },
        },
      );
    });

    it('lets exactly one of two racing ratings win', async () => {
      const store = current();
      const conversation = await store.createConversation(conversationFixture());
      await store.transitionConversation(conversation.id, ['bot'], {
        state: 'closed',
        outcome: 'resolved',
        tags: [],
        updatedAt: at(2),
      });
      const results = await Promise.all(
        [2, 5].map((rating) =>
          store.rateConversation({
            conversationId: conversation.id,
            visitorId: conversation.visitorId,
            rating,
            comment: null,
            ratedAt: at(3),
          }),
        ),
      );
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect((await store.getConversation(conversation.id))?.satisfaction?.rating).toBe(
        winners[0]?.satisfaction?.rating,
      );
    });
  });
}
