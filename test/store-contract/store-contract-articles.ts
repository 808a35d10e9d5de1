import type { KnowledgeArticle } from '@hitl/shared/knowledge';
import { describe, expect, it } from 'vitest';
import type { NewArticle } from '../../apps/server/src/store/store';
import { StoreConflictError } from '../../apps/server/src/store/store-errors';
import type { CurrentStore } from './store-contract';
import {
  agentAuthor,
  at,
  botReplyFixture,
  conversationFixture,
  heldReplyFixture,
  messageFixture,
  reviewerAuthor,
  uniqueId,
} from './store-fixtures';

function articleFixture(overrides: Partial<NewArticle> = {}): NewArticle {
  return {
    id: uniqueId('gift-cards').toLowerCase().replace(/_/g, '-'),
    title: 'Gift cards',
    topic: 'payments',
    answer: 'Gift cards never expire and can be combined with one other payment method.',
    examples: ['Do gift cards expire?', 'can I pay with a gift card and my card'],
    status: 'active',
    createdBy: agentAuthor,
    createdAt: at(1),
    ...overrides,
  };
}

export function describeArticleContract(current: CurrentStore): void {
  describe('knowledge articles', () => {
    it('creates an article at version 1 and reads it back unchanged', async () => {
      const store = current();
      const input = articleFixture();
      const expected: KnowledgeArticle = {
        ...input,
        version: 1,
        updatedAt: input.createdAt,
        updatedBy: input.createdBy,
      };
      expect(await store.createArticle(input)).toEqual(expected);
      expect(await store.getArticle(input.id)).toEqual(expected);
      expect(await store.getArticle('no-such-article')).toBeNull();
    });

    it('keeps a seeded article without an author', async () => {
      const store = current();
      const input = articleFixture({ createdBy: null });
      await store.createArticle(input);
      const stored = await store.getArticle(input.id);
      expect(stored?.createdBy).toBeNull();
      expect(stored?.updatedBy).toBeNull();
    });

    it('refuses a second article with the same id and keeps the first', async () => {
      const store = current();
      const first = articleFixture();
      await store.createArticle(first);
      await expect(store.createArticle({ ...first, title: 'Other' })).rejects.toBeInstanceOf(
        StoreConflictError,
      );
      expect((await store.getArticle(first.id))?.title).toBe('Gift cards');
    });

    it('lists every article, or those with a status, in the order they were created (then by id)', async () => {
      const store = current();
      await store.createArticle(articleFixture({ id: 'b-article', createdAt: at(1) }));
      await store.createArticle(articleFixture({ id: 'a-article', status: 'retired', createdAt: at(2) }));
      await store.createArticle(articleFixture({ id: 'd-article', createdAt: at(3) }));
      await store.createArticle(articleFixture({ id: 'c-article', createdAt: at(3) }));
      await store.updateArticle('b-article', 1, { title: 'Edited', updatedBy: null, updatedAt: at(9) });
      expect((await store.listArticles()).map((a) => a.id)).toEqual([
        'b-article',
        'a-article',
        'c-article',
        'd-article',
      ]);
      expect((await store.listArticles('active')).map((a) => a.id)).toEqual([
        'b-article',
        'c-article',
        'd-article',
      ]);
      expect((await store.listArticles('retired')).map((a) => a.id)).toEqual(['a-article']);
    });

    it('applies an update over the current version and increments it', async () => {
      const store = current();
      const input = articleFixture();
      await store.createArticle(input);
      const updated = await store.updateArticle(input.id, 1, {
        answer: 'Gift cards expire after five years.',
        examples: ['Do gift cards expire?'],
        updatedBy: reviewerAuthor,
        updatedAt: at(5),
      });
      const expected: KnowledgeArticle = {
        ...input,
        answer: 'Gift cards expire after five years.',
        examples: ['Do gift cards expire?'],
        version: 2,
        updatedAt: at(5),
        updatedBy: reviewerAuthor,
      };
      expect(updated).toEqual(expected);
      expect(await store.getArticle(input.id)).toEqual(expected);

      const retired = await store.updateArticle(input.id, 2, {
        status: 'retired',
        updatedBy: agentAuthor,
        updatedAt: at(6),
      });
      expect(retired).toEqual({
        ...expected,
        status: 'retired',
        version: 3,
        updatedAt: at(6),
        updatedBy: agentAuthor,
      });
    });

    it('refuses an update over a stale version and changes nothing', async () => {
      const store = current();
      const input = articleFixture();
      await store.createArticle(input);
      await store.updateArticle(input.id, 1, {
        title: 'First edit',
        updatedBy: agentAuthor,
        updatedAt: at(2),
      });
      const before = await store.getArticle(input.id);
      await expect(
        store.updateArticle(input.id, 1, {
          title: 'Stale edit',
          updatedBy: reviewerAuthor,
          updatedAt: at(3),
        }),
      ).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.getArticle(input.id)).toEqual(before);
    });

    it('answers null when updating an article that does not exist', async () => {
      const store = current();
      expect(
        await store.updateArticle('missing-article', 1, { title: 'x', updatedBy: null, updatedAt: at(2) }),
      ).toBeNull();
    });

    it('lets exactly one of concurrent updates over one version win', async () => {
      const store = current();
      const input = articleFixture();
      await store.createArticle(input);
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          store.updateArticle(input.id, 1, {
            title: `Edit ${i}`,
            updatedBy: agentAuthor,
            updatedAt: at(10 + i),
          }),
        ),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const lost of results.filter((r) => r.status === 'rejected'))
        expect((lost as PromiseRejectedResult).reason).toBeInstanceOf(StoreConflictError);
      const stored = await store.getArticle(input.id);
      expect(stored?.version).toBe(2);
      expect(stored?.title).toBe((won[0] as PromiseFulfilledResult<KnowledgeArticle>).value.title);
    });
  });

  describe('withheld replies', () => {
    it('lists internal bot replies that are not drafts, since a time, newest first, up to a limit', async () => {
      const store = current();
      const a = await store.createConversation(conversationFixture());
      const b = await store.createConversation(conversationFixture());
      await store.appendMessage(messageFixture(a.id, { createdAt: at(1) }));
      const old = botReplyFixture(a.id, { visibility: 'internal', createdAt: at(2) });
      const first = botReplyFixture(a.id, { visibility: 'internal', createdAt: at(10) });
      const second = botReplyFixture(b.id, { visibility: 'internal', createdAt: at(11) });
      const third = botReplyFixture(b.id, { visibility: 'internal', createdAt: at(12) });
      for (const m of [old, first, second, third]) await store.appendMessage(m);
      await store.appendMessage(botReplyFixture(a.id, { createdAt: at(13) }));
      await store.appendMessage(heldReplyFixture(b.id, { createdAt: at(14) }));
      await store.appendMessage(
        messageFixture(b.id, {
          role: 'agent',
          visibility: 'internal',
          author: agentAuthor,
          createdAt: at(15),
        }),
      );

      const listed = await store.listWithheldReplies(at(10), 10);
      expect(listed.map((m) => m.id)).toEqual([third.id, second.id, first.id]);
      expect(listed[0]).toMatchObject({ conversationId: b.id, text: third.text, bot: third.bot });
      expect((await store.listWithheldReplies(at(10), 2)).map((m) => m.id)).toEqual([third.id, second.id]);
      expect(await store.listWithheldReplies(at(20), 10)).toEqual([]);
    });
  });
}
