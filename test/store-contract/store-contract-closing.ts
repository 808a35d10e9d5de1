import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './store-contract';
import { agentAuthor, at, conversationFixture, messageFixture } from './store-fixtures';

export function describeClosingContract(current: CurrentStore): void {
  describe('closing with an outcome', () => {
    it('stores the outcome and tags with the close, from any open state, and keeps them', async () => {
      const store = current();
      const fromBot = await store.createConversation(conversationFixture());
      const closed = await store.transitionConversation(fromBot.id, ['bot', 'queued', 'agent'], {
        state: 'closed',
        outcome: 'spam',
        tags: ['bulk', 'links'],
        updatedAt: at(2),
      });
      expect(closed).toMatchObject({ state: 'closed', outcome: 'spam', tags: ['bulk', 'links'] });
      expect(await store.getConversation(fromBot.id)).toMatchObject({
        outcome: 'spam',
        tags: ['bulk', 'links'],
      });

      const owned = await store.createConversation(conversationFixture());
      await store.transitionConversation(owned.id, ['bot'], {
        state: 'agent',
        assignee: agentAuthor,
        updatedAt: at(3),
      });
      await store.transitionConversation(
        owned.id,
        ['agent'],
        { state: 'closed', outcome: 'resolved', tags: [], updatedAt: at(4) },
        agentAuthor.id,
      );
      await store.appendMessage(messageFixture(owned.id, { createdAt: at(5) }));
      const listed = await store.listConversations({ states: ['closed'], limit: 10 });
      expect(listed.map((c) => [c.id, c.outcome, c.tags])).toEqual([
        [owned.id, 'resolved', []],
        [fromBot.id, 'spam', ['bulk', 'links']],
      ]);
    });

    it('leaves the outcome alone on a refused close', async () => {
      const store = current();
      const conversation = await store.createConversation(conversationFixture());
      await store.transitionConversation(conversation.id, ['bot'], {
        state: 'closed',
        outcome: 'duplicate',
        tags: ['twice'],
        updatedAt: at(2),
      });
      const again = await store.transitionConversation(conversation.id, ['bot', 'queued', 'agent'], {
        state: 'closed',
        outcome: 'resolved',
        tags: [],
        updatedAt: at(3),
      });
      expect(again).toBeNull();
      expect(await store.getConversation(conversation.id)).toMatchObject({
        outcome: 'duplicate',
        tags: ['twice'],
      });
    });
  });
}
