import type { Message } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import { StoreConflictError, StoreNotFoundError } from '../../apps/server/src/store/store-errors';
import type { CurrentStore } from './store-contract';
import { agentAuthor, at, botReplyFixture, conversationFixture, messageFixture } from './store-fixtures';

export function describeMessageContract(current: CurrentStore): void {
  describe('messages', () => {
    it('numbers messages from 1 and moves the conversation with them', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const first = messageFixture(id, { createdAt: at(1) });
      const reply = botReplyFixture(id, { createdAt: at(2), notice: null, author: null });
      const note = messageFixture(id, {
        role: 'agent',
        author: agentAuthor,
        clientId: null,
        createdAt: at(3),
      });

      const a = await store.appendMessage(first);
      const b = await store.appendMessage(reply);
      const c = await store.appendMessage(note);

      expect([a.created, b.created, c.created]).toEqual([true, true, true]);
      expect([a.message.seq, b.message.seq, c.message.seq]).toEqual([1, 2, 3]);
      const expected: Message = { ...reply, seq: 2, correctionId: null };
      expect(b.message).toEqual(expected);
      expect(await store.getMessage(reply.id)).toEqual(expected);
      expect(await store.getConversation(id)).toMatchObject({ lastSeq: 3, updatedAt: at(3) });
      // Each append hands back the conversation as it left it.
      expect(b.conversation).toMatchObject({ id, lastSeq: 2, updatedAt: at(2), lastMessage: reply.text });
      expect(c.conversation).toEqual(await store.getConversation(id));
    });

    it("gives a turn's context: the latest public messages between two seqs, lean, oldest first", async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      for (let n = 1; n <= 8; n++) {
        const text = `message ${n}`;
        if (n % 2 === 0) {
          await store.appendMessage(
            botReplyFixture(id, { text, bot: { ...botReplyFixture(id).bot!, confidence: n / 10 } }),
          );
        } else if (n === 5) {
          // An internal note is no part of what the bot reads.
          await store.appendMessage(
            messageFixture(id, {
              role: 'agent',
              visibility: 'internal',
              author: agentAuthor,
              clientId: null,
              text,
            }),
          );
        } else {
          await store.appendMessage(messageFixture(id, { text }));
        }
      }

      const context = await store.listTurnContext(id, { afterSeq: 1, beforeSeq: 8, limit: 4 });

      expect(
        context.map((m) => ({ seq: m.seq, role: m.role, text: m.text, confidence: m.confidence })),
      ).toEqual([
        { seq: 3, role: 'customer', text: 'message 3', confidence: null },
        { seq: 4, role: 'bot', text: 'message 4', confidence: 0.4 },
        { seq: 6, role: 'bot', text: 'message 6', confidence: 0.6 },
        { seq: 7, role: 'customer', text: 'message 7', confidence: null },
      ]);
      const stored = await store.listMessages(id, { afterSeq: 0, includeInternal: true });
      expect(context.map((m) => m.id)).toEqual([3, 4, 6, 7].map((seq) => stored[seq - 1]?.id));
      expect(await store.listTurnContext(id, { afterSeq: 8, beforeSeq: 20, limit: 4 })).toEqual([]);
      expect(await store.listTurnContext('conv_missing', { afterSeq: 0, beforeSeq: 9, limit: 4 })).toEqual(
        [],
      );
    });

    it('is idempotent on the client id', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const original = await store.appendMessage(
        messageFixture(id, { clientId: 'client_retry_1', createdAt: at(1) }),
      );
      const before = await store.getConversation(id);

      const retry = await store.appendMessage(
        messageFixture(id, { clientId: 'client_retry_1', text: 'Where is my order?!', createdAt: at(9) }),
      );
      expect(retry).toEqual({
        message: original.message,
        created: false,
        conversation: await store.getConversation(original.message.conversationId),
      });
      expect(await store.getConversation(id)).toEqual(before);
      expect(await store.listMessages(id, { afterSeq: 0, includeInternal: true })).toHaveLength(1);
    });

    it('stores concurrent retries of one client id once', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          store.appendMessage(messageFixture(id, { clientId: 'client_burst_1' })),
        ),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
      expect((await store.getConversation(id))?.lastSeq).toBe(1);
    });

    it('scopes client ids to their conversation and never deduplicates messages without one', async () => {
      const store = current();
      const one = await store.createConversation(conversationFixture());
      const two = await store.createConversation(conversationFixture());
      expect((await store.appendMessage(messageFixture(one.id, { clientId: 'client_same_1' }))).created).toBe(
        true,
      );
      expect((await store.appendMessage(messageFixture(two.id, { clientId: 'client_same_1' }))).created).toBe(
        true,
      );
      expect((await store.appendMessage(botReplyFixture(one.id))).created).toBe(true);
      expect((await store.appendMessage(botReplyFixture(one.id))).created).toBe(true);
      expect((await store.getConversation(one.id))?.lastSeq).toBe(3);
    });

    it('gives 200 concurrent messages the seqs 1..200 without gaps', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          store.appendMessage(messageFixture(id, { text: `message ${i}` })),
        ),
      );
      const seqs = results.map((r) => r.message.seq).sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      expect((await store.getConversation(id))?.lastSeq).toBe(200);
      const listed = await store.listMessages(id, { afterSeq: 0, includeInternal: true });
      expect(listed.map((m) => m.seq)).toEqual(seqs);
    });

    it('updates lastMessage from public messages only', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      await store.appendMessage(messageFixture(id, { text: 'I want a refund' }));
      await store.appendMessage(
        botReplyFixture(id, { visibility: 'internal', text: 'Draft: refunds take 5 days' }),
      );
      expect((await store.getConversation(id))?.lastMessage).toBe('I want a refund');
      await store.appendMessage(botReplyFixture(id, { text: 'Refunds take 5 days' }));
      expect((await store.getConversation(id))?.lastMessage).toBe('Refunds take 5 days');
    });

    it('refuses a message for an unknown conversation', async () => {
      const store = current();
      const message = messageFixture('conv_missing');
      await expect(store.appendMessage(message)).rejects.toBeInstanceOf(StoreNotFoundError);
      expect(await store.getMessage(message.id)).toBeNull();
    });

    it('rejects a duplicate message id and leaves the conversation as it was', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const first = messageFixture(id);
      await store.appendMessage(first);
      const before = await store.getConversation(id);
      await expect(store.appendMessage(messageFixture(id, { id: first.id }))).rejects.toBeInstanceOf(
        StoreConflictError,
      );
      expect(await store.getConversation(id)).toEqual(before);
    });

    it('lists messages after a seq, hiding internal ones unless asked, up to a limit', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      for (let i = 1; i <= 6; i++) {
        await store.appendMessage(botReplyFixture(id, { visibility: i % 3 === 0 ? 'internal' : 'public' }));
      }
      const seqs = async (query: Parameters<typeof store.listMessages>[1]) =>
        (await store.listMessages(id, query)).map((m) => m.seq);
      expect(await seqs({ afterSeq: 0, includeInternal: true })).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await seqs({ afterSeq: 0, includeInternal: false })).toEqual([1, 2, 4, 5]);
      expect(await seqs({ afterSeq: 2, includeInternal: true })).toEqual([3, 4, 5, 6]);
      expect(await seqs({ afterSeq: 2, includeInternal: false, limit: 2 })).toEqual([4, 5]);
      expect(await seqs({ afterSeq: 6, includeInternal: true })).toEqual([]);
      expect(await store.listMessages('conv_missing', { afterSeq: 0, includeInternal: true })).toEqual([]);
    });

    it("finds a visitor's message by client id across their conversations only", async () => {
      const store = current();
      const mine = conversationFixture({ siteKey: 'site_shop', visitorId: 'visitor_a' });
      const older = conversationFixture({ siteKey: 'site_shop', visitorId: 'visitor_a' });
      const theirs = conversationFixture({ siteKey: 'site_shop', visitorId: 'visitor_b' });
      for (const c of [mine, older, theirs]) await store.createConversation(c);
      const sent = await store.appendMessage(messageFixture(older.id, { clientId: 'client_mine_1' }));
      await store.appendMessage(messageFixture(theirs.id, { clientId: 'client_theirs_1' }));
      await store.appendMessage(
        messageFixture(mine.id, { clientId: 'client_agent_1', role: 'agent', author: agentAuthor }),
      );

      expect(await store.findVisitorMessageByClientId('site_shop', 'visitor_a', 'client_mine_1')).toEqual(
        sent.message,
      );
      expect(
        await store.findVisitorMessageByClientId('site_shop', 'visitor_a', 'client_theirs_1'),
      ).toBeNull();
      expect(await store.findVisitorMessageByClientId('site_other', 'visitor_a', 'client_mine_1')).toBeNull();
      expect(await store.findVisitorMessageByClientId('site_shop', 'visitor_a', 'client_agent_1')).toBeNull();
      expect(await store.findVisitorMessageByClientId('site_shop', 'visitor_a', 'client_unknown')).toBeNull();
    });

    it('returns null for an unknown message', async () => {
      expect(await current().getMessage('msg_missing')).toBeNull();
    });

    it('links a message to its correction', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const { message } = await store.appendMessage(botReplyFixture(id));
      await store.setMessageCorrection(message.id, 'corr_1');
      expect(await store.getMessage(message.id)).toEqual({ ...message, correctionId: 'corr_1' });
      await store.setMessageCorrection(message.id, null);
      expect(await store.getMessage(message.id)).toEqual({ ...message, correctionId: null });
      await expect(store.setMessageCorrection('msg_missing', 'corr_1')).rejects.toBeInstanceOf(
        StoreNotFoundError,
      );
    });
  });
}
