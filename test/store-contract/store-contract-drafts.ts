import type { DraftState, Message } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './store-contract';
import {
  at,
  botReplyFixture,
  conversationFixture,
  heldReplyFixture,
  pendingDraftFixture,
  reviewerAuthor,
} from './store-fixtures';

function approved(overrides: Partial<DraftState> = {}): DraftState {
  return pendingDraftFixture({
    status: 'approved',
    reviewer: reviewerAuthor,
    reviewedAt: at(20),
    publishedMessageId: 'msg_published_1',
    ...overrides,
  });
}

export function describeDraftContract(current: CurrentStore): void {
  describe('drafts', () => {
    it('stores a held reply with its pending draft and reads it back unchanged', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const held = heldReplyFixture(id, { createdAt: at(3) });
      const { message } = await store.appendMessage(held);

      const expected: Message = { ...held, seq: 1, correctionId: null };
      expect(message).toEqual(expected);
      expect(await store.getMessage(held.id)).toEqual(expected);
      expect(await store.listMessages(id, { afterSeq: 0, includeInternal: true })).toEqual([expected]);
      expect(await store.listMessages(id, { afterSeq: 0, includeInternal: false })).toEqual([]);
    });

    it('lists pending drafts across conversations, newest first, leaving reviewed ones out', async () => {
      const store = current();
      const a = await store.createConversation(conversationFixture());
      const b = await store.createConversation(conversationFixture());
      const first = (await store.appendMessage(heldReplyFixture(a.id, { createdAt: at(1) }))).message;
      const second = (await store.appendMessage(heldReplyFixture(b.id, { createdAt: at(2) }))).message;
      const third = (await store.appendMessage(heldReplyFixture(a.id, { createdAt: at(3) }))).message;
      await store.appendMessage(botReplyFixture(b.id));
      await store.reviewDraft(second.id, approved());
      expect((await store.listPendingDrafts(10)).map((m) => m.id)).toEqual([third.id, first.id]);
      expect((await store.listPendingDrafts(1)).map((m) => m.id)).toEqual([third.id]);
    });

    it('reads a message without a draft back with draft null', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const { message } = await store.appendMessage(botReplyFixture(id));
      expect(message.draft).toBeNull();
      expect((await store.getMessage(message.id))?.draft).toBeNull();
    });

    it('applies a review once; a second review returns null and changes nothing', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const { message } = await store.appendMessage(heldReplyFixture(id));
      const before = await store.getConversation(id);

      const review = approved();
      const reviewed = await store.reviewDraft(message.id, review);
      expect(reviewed).toEqual({ ...message, draft: review });
      expect(await store.getMessage(message.id)).toEqual(reviewed);

      const late = pendingDraftFixture({ status: 'rejected', reviewer: reviewerAuthor, reviewedAt: at(21) });
      expect(await store.reviewDraft(message.id, late)).toBeNull();
      expect(await store.getMessage(message.id)).toEqual(reviewed);
      expect(await store.getConversation(id)).toEqual(before);
    });

    it('reopens a review only while it is the one that named this published reply', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const { message } = await store.appendMessage(heldReplyFixture(id));
      await store.reviewDraft(message.id, approved({ publishedMessageId: 'msg_published_9' }));
      expect(await store.reopenDraft(message.id, 'msg_published_other')).toBeNull();
      const reopened = await store.reopenDraft(message.id, 'msg_published_9');
      expect(reopened).toEqual(message);
      expect((await store.listPendingDrafts(10)).map((m) => m.id)).toEqual([message.id]);
      // Once pending again, nothing names that reply any more.
      expect(await store.reopenDraft(message.id, 'msg_published_9')).toBeNull();
      expect(await store.reopenDraft('msg_missing', 'msg_published_9')).toBeNull();
    });

    it('lets exactly one of 20 concurrent reviews of one draft win', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const { message } = await store.appendMessage(heldReplyFixture(id));
      const reviews = Array.from({ length: 20 }, (_, i) =>
        approved({
          status: i % 2 === 0 ? 'approved' : 'rejected',
          reviewer: { id: `agent_${i}`, name: `Agent ${i}` },
          publishedMessageId: `msg_published_${i}`,
        }),
      );
      const results = await Promise.all(reviews.map((review) => store.reviewDraft(message.id, review)));
      const winners = results.filter((result) => result !== null);
      expect(winners).toHaveLength(1);
      expect(await store.getMessage(message.id)).toEqual(winners[0]);
      expect(reviews).toContainEqual(winners[0]?.draft);
    });

    it('returns null for a message without a draft or an unknown message', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const { message } = await store.appendMessage(botReplyFixture(id));
      expect(await store.reviewDraft(message.id, approved())).toBeNull();
      expect(await store.getMessage(message.id)).toEqual(message);
      expect(await store.reviewDraft('msg_missing', approved())).toBeNull();
      expect(await store.getMessage('msg_missing')).toBeNull();
    });
  });
}
