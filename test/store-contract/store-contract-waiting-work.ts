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

export function describeWaitingWorkContract(current: CurrentStore): void {
  describe('counting waiting work', () => {
    it('is all zero on an empty store', async () => {
      expect(await current().countWaitingWork()).toEqual({
        queued: 0,
        oldestQueuedSince: null,
        pendingDrafts: 0,
      });
    });

    it('counts queued conversations with the oldest escalation, and pending drafts only', async () => {
      const store = current();
      const escalate = async (minute: number) => {
        const { id } = await store.createConversation(conversationFixture());
        await store.transitionConversation(id, ['bot'], {
          state: 'queued',
          reasons: [],
          escalatedAt: at(minute),
          updatedAt: at(minute),
        });
        return id;
      };
      await escalate(9);
      const claimed = await escalate(3);
      await escalate(5);
      await store.transitionConversation(claimed, ['queued'], {
        state: 'agent',
        assignee: reviewerAuthor,
        updatedAt: at(10),
      });
      const withDrafts = await store.createConversation(conversationFixture());
      await store.appendMessage(heldReplyFixture(withDrafts.id, { createdAt: at(1) }));
      const reviewed = (await store.appendMessage(heldReplyFixture(withDrafts.id, { createdAt: at(2) })))
        .message;
      await store.appendMessage(heldReplyFixture(withDrafts.id, { createdAt: at(3) }));
      await store.appendMessage(botReplyFixture(withDrafts.id));
      await store.reviewDraft(
        reviewed.id,
        pendingDraftFixture({ status: 'rejected', reviewer: reviewerAuthor, reviewedAt: at(4) }),
      );

      expect(await store.countWaitingWork()).toEqual({
        queued: 2,
        oldestQueuedSince: at(5),
        pendingDrafts: 2,
      });
    });
  });
}
