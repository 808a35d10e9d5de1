import type { ReviewItem } from '@hitl/shared/review-items';
import { describe, expect, it } from 'vitest';
import type { NewReviewItem, Store } from '../../apps/server/src/store/store';
import { StoreConflictError, StoreNotFoundError } from '../../apps/server/src/store/store-errors';
import type { CurrentStore } from './store-contract';
import {
  agentAuthor,
  at,
  botReplyFixture,
  conversationFixture,
  messageFixture,
  reviewerAuthor,
  uniqueId,
} from './store-fixtures';

/** A conversation with one bot answer, and a review item for it created at `seconds`. */
async function seedItem(store: Store, seconds: number, overrides: Partial<NewReviewItem> = {}) {
  const { id: conversationId } = await store.createConversation(conversationFixture());
  const { message } = await store.appendMessage(botReplyFixture(conversationId));
  const input: NewReviewItem = {
    id: uniqueId('rev'),
    conversationId,
    messageId: message.id,
    question: 'Do you ship to Norway?',
    answer: 'We ship to every EU country.',
    confidence: 0.78,
    topic: 'shipping',
    reasons: [{ signal: 'review_band', value: 0.78, threshold: 0.86, detail: 'review band 0.7–0.86' }],
    createdAt: at(seconds),
    ...overrides,
  };
  return { input, item: await store.createReviewItem(input) };
}

const pendingOf = (input: NewReviewItem): ReviewItem => ({
  ...input,
  status: 'pending',
  reviewer: null,
  reviewedAt: null,
  correctionId: null,
});

export function describeReviewItemContract(current: CurrentStore): void {
  describe('review-later items', () => {
    it('stores an item pending and reads it back exactly', async () => {
      const store = current();
      const { input, item } = await seedItem(store, 5, { topic: null });
      expect(item).toEqual(pendingOf(input));
      expect(await store.getReviewItem(input.id)).toEqual(pendingOf(input));
      expect(await store.getReviewItem('rev_missing')).toBeNull();
      expect(await store.findReviewItemByMessage(input.messageId)).toEqual(pendingOf(input));
      expect(await store.findReviewItemByMessage('msg_missing')).toBeNull();
    });

    it('keeps one item per answer and refuses an unknown answer', async () => {
      const store = current();
      const { input } = await seedItem(store, 1);
      await expect(store.createReviewItem({ ...input, id: uniqueId('rev') })).rejects.toBeInstanceOf(
        StoreConflictError,
      );
      await expect(
        store.createReviewItem({ ...input, id: uniqueId('rev'), messageId: 'msg_missing' }),
      ).rejects.toBeInstanceOf(StoreNotFoundError);
      expect(await store.listReviewItems({ status: 'any', limit: 10 })).toHaveLength(1);
    });

    it('lists by status, newest or oldest first, from an instant, up to a limit', async () => {
      const store = current();
      const a = (await seedItem(store, 1)).input.id;
      const b = (await seedItem(store, 2)).input.id;
      const c = (await seedItem(store, 3)).input.id;
      await store.markReviewItem(b, {
        status: 'right',
        reviewer: agentAuthor,
        at: at(10),
        correctionId: null,
      });
      const ids = (items: ReviewItem[]) => items.map((i) => i.id);

      expect(ids(await store.listReviewItems({ status: 'any', limit: 10 }))).toEqual([c, b, a]);
      expect(ids(await store.listReviewItems({ status: 'any', limit: 10, oldestFirst: true }))).toEqual([
        a,
        b,
        c,
      ]);
      expect(ids(await store.listReviewItems({ status: 'pending', limit: 10 }))).toEqual([c, a]);
      expect(ids(await store.listReviewItems({ status: 'right', limit: 10 }))).toEqual([b]);
      expect(ids(await store.listReviewItems({ status: 'corrected', limit: 10 }))).toEqual([]);
      expect(ids(await store.listReviewItems({ status: 'any', limit: 2 }))).toEqual([c, b]);
      expect(ids(await store.listReviewItems({ status: 'any', limit: 10, since: at(2) }))).toEqual([c, b]);
    });

    it('marks a pending item once, with who and when', async () => {
      const store = current();
      const { input } = await seedItem(store, 1);
      const marked = await store.markReviewItem(input.id, {
        status: 'corrected',
        reviewer: agentAuthor,
        at: at(20),
        correctionId: 'cor_1',
      });
      const expected: ReviewItem = {
        ...pendingOf(input),
        status: 'corrected',
        reviewer: agentAuthor,
        reviewedAt: at(20),
        correctionId: 'cor_1',
      };
      expect(marked).toEqual(expected);
      const again = await store.markReviewItem(input.id, {
        status: 'right',
        reviewer: reviewerAuthor,
        at: at(21),
        correctionId: null,
      });
      expect(again).toBeNull();
      expect(await store.getReviewItem(input.id)).toEqual(expected);
      expect(
        await store.markReviewItem('rev_missing', {
          status: 'right',
          reviewer: agentAuthor,
          at: at(22),
          correctionId: null,
        }),
      ).toBeNull();
    });

    it('lets exactly one of concurrent marks win', async () => {
      const store = current();
      const { input } = await seedItem(store, 1);
      const reviewers = Array.from({ length: 8 }, (_, i) => ({ id: `agent_${i}`, name: `Agent ${i}` }));
      const results = await Promise.all(
        reviewers.map((reviewer, i) =>
          store.markReviewItem(input.id, {
            status: i % 2 === 0 ? 'right' : 'corrected',
            reviewer,
            at: at(30 + i),
            correctionId: i % 2 === 0 ? null : `cor_${i}`,
          }),
        ),
      );
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect(await store.getReviewItem(input.id)).toEqual(winners[0]);
    });

    it('lists recent customer texts, newest first, from an instant, up to a limit', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      await store.appendMessage(messageFixture(id, { text: 'old question', createdAt: at(1) }));
      await store.appendMessage(messageFixture(id, { text: 'second question', createdAt: at(5) }));
      await store.appendMessage(botReplyFixture(id, { text: 'a bot answer', createdAt: at(6) }));
      await store.appendMessage(messageFixture(id, { text: 'third question', createdAt: at(7) }));

      expect(await store.listRecentCustomerTexts(at(5), 10)).toEqual(['third question', 'second question']);
      expect(await store.listRecentCustomerTexts(at(0), 2)).toEqual(['third question', 'second question']);
      expect(await store.listRecentCustomerTexts(at(8), 10)).toEqual([]);
    });
  });
}
