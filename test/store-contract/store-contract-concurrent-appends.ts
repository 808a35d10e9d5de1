import { describe, expect, it } from 'vitest';
import type { AppendPrecondition } from '../../apps/server/src/store/store';
import { StoreConflictError, StoreNotFoundError } from '../../apps/server/src/store/store-errors';
import type { CurrentStore } from './store-contract';
import { botReplyFixture, conversationFixture, messageFixture } from './store-fixtures';

const whileBot: AppendPrecondition = { states: ['bot'], botContextFromSeq: 0 };

/**
 * Appends asked for at the same moment from many conversations (which an adapter may commit together):
 * each keeps its conversation's order and its own guard, and one refused or failing append leaves the
 * others stored.
 */
export function describeConcurrentAppendContract(current: CurrentStore): void {
  describe('concurrent appends across conversations', () => {
    it('stores 20 conversations × 10 concurrent messages, each conversation in the order asked', async () => {
      const store = current();
      const ids = await Promise.all(
        Array.from({ length: 20 }, async () => (await store.createConversation(conversationFixture())).id),
      );
      await Promise.all(
        Array.from({ length: 10 }).flatMap((_, n) =>
          ids.map((id, c) =>
            // Plain appends and guarded bot replies interleaved, as customers and bot turns write them.
            c % 2 === 0 && n % 2 === 1
              ? store.appendMessageIf(botReplyFixture(id, { text: `reply ${n}` }), whileBot)
              : store.appendMessage(messageFixture(id, { text: `message ${n}` })),
          ),
        ),
      );
      for (const [c, id] of ids.entries()) {
        const listed = await store.listMessages(id, { afterSeq: 0, includeInternal: true });
        expect(listed.map((m) => m.seq)).toEqual(Array.from({ length: 10 }, (_, n) => n + 1));
        expect(listed.map((m) => m.text)).toEqual(
          Array.from({ length: 10 }, (_, n) => (c % 2 === 0 && n % 2 === 1 ? `reply ${n}` : `message ${n}`)),
        );
        expect((await store.getConversation(id))?.lastSeq).toBe(10);
      }
    });

    it('a refused guard, a duplicate id and an unknown conversation among them fail alone', async () => {
      const store = current();
      const [plain, claimed, duplicated, other] = await Promise.all(
        Array.from({ length: 4 }, async () => (await store.createConversation(conversationFixture())).id),
      );
      if (!plain || !claimed || !duplicated || !other) throw new Error('conversations missing');
      const first = messageFixture(duplicated, { text: 'first' });
      await store.appendMessage(first);
      await store.transitionConversation(claimed, ['bot'], { state: 'agent', updatedAt: first.createdAt });
      const claimedBefore = await store.getConversation(claimed);
      const duplicatedBefore = await store.getConversation(duplicated);
      const refusedReply = botReplyFixture(claimed);

      const [stored, refused, duplicate, missing, alsoStored] = await Promise.allSettled([
        store.appendMessage(messageFixture(plain, { text: 'kept' })),
        store.appendMessageIf(refusedReply, whileBot),
        store.appendMessage(messageFixture(duplicated, { id: first.id, text: 'again' })),
        store.appendMessage(messageFixture('conv_missing')),
        store.appendMessageIf(botReplyFixture(other, { text: 'also kept' }), whileBot),
      ]);

      expect(stored).toMatchObject({ status: 'fulfilled', value: { created: true, message: { seq: 1 } } });
      expect(refused).toEqual({ status: 'fulfilled', value: null });
      expect(duplicate).toMatchObject({ status: 'rejected' });
      expect((duplicate as PromiseRejectedResult).reason).toBeInstanceOf(StoreConflictError);
      expect((missing as PromiseRejectedResult).reason).toBeInstanceOf(StoreNotFoundError);
      expect(alsoStored).toMatchObject({
        status: 'fulfilled',
        value: { message: { seq: 1, text: 'also kept' }, conversation: { id: other, lastSeq: 1 } },
      });
      expect(await store.getMessage(refusedReply.id)).toBeNull();
      expect(await store.getConversation(claimed)).toEqual(claimedBefore);
      expect(await store.getConversation(duplicated)).toEqual(duplicatedBefore);
      expect(
        (await store.listMessages(plain, { afterSeq: 0, includeInternal: true })).map((m) => m.text),
      ).toEqual(['kept']);
      expect(
        (await store.listMessages(other, { afterSeq: 0, includeInternal: true })).map((m) => m.text),
      ).toEqual(['also kept']);
    });
  });
}
