import type { Message } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './store-contract';
import {
  at,
  conversationFixture,
  emailDeliveryFixture,
  emailReplyFixture,
  messageFixture,
} from './store-fixtures';

export function describeEmailReplyContract(current: CurrentStore): void {
  describe('e-mail replies', () => {
    it('stores a reply with its pending delivery and reads it back unchanged', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const reply = emailReplyFixture(id, {
        email: emailDeliveryFixture({ inReplyTo: '<a@shop.example>', references: ['<a@shop.example>'] }),
      });
      const { message } = await store.appendMessage(reply);

      const expected: Message = { ...reply, seq: 1, correctionId: null };
      expect(message).toEqual(expected);
      expect(await store.getMessage(reply.id)).toEqual(expected);
      expect(await store.listMessages(id, { afterSeq: 0, includeInternal: false })).toEqual([expected]);
    });

    it('a message sent without e-mail has no delivery at all', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const { message } = await store.appendMessage(messageFixture(id));
      expect('email' in message).toBe(false);
      expect('email' in ((await store.getMessage(message.id)) ?? {})).toBe(false);
    });

    it('a retry with the same client id returns the stored reply with its delivery', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const first = await store.appendMessage(emailReplyFixture(id, { clientId: 'client_mail_1' }));
      const again = await store.appendMessage(
        emailReplyFixture(id, {
          clientId: 'client_mail_1',
          email: emailDeliveryFixture({ subject: 'other' }),
        }),
      );
      expect(again).toMatchObject({ message: first.message, created: false });
    });

    it('moves a delivery only from the expected statuses, and never away from sent', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const { message } = await store.appendMessage(emailReplyFixture(id));
      const pending = message.email ?? emailDeliveryFixture();

      const failed = { ...pending, status: 'failed' as const, attempts: 1, error: 'refused (550)' };
      expect(await store.updateEmailDelivery(message.id, ['sent'], failed)).toBeNull();
      expect((await store.updateEmailDelivery(message.id, ['pending'], failed))?.email).toEqual(failed);

      const sent = { ...failed, status: 'sent' as const, attempts: 2, sentAt: at(30), error: null };
      const marked = await store.updateEmailDelivery(message.id, ['pending', 'failed'], sent);
      expect(marked).toEqual({ ...message, email: sent });
      expect(await store.getMessage(message.id)).toEqual({ ...message, email: sent });

      expect(await store.updateEmailDelivery(message.id, ['pending', 'failed'], failed)).toBeNull();
      expect((await store.getMessage(message.id))?.email).toEqual(sent);
    });

    it('refuses to give a delivery to a message without one, or to an unknown message', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const { message } = await store.appendMessage(messageFixture(id));
      const delivery = emailDeliveryFixture({ status: 'sent' });
      expect(await store.updateEmailDelivery(message.id, ['pending', 'failed', 'sent'], delivery)).toBeNull();
      expect('email' in ((await store.getMessage(message.id)) ?? {})).toBe(false);
      expect(await store.updateEmailDelivery('msg_missing', ['pending'], delivery)).toBeNull();
    });

    it('of concurrent marks from pending, exactly one wins', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const { message } = await store.appendMessage(emailReplyFixture(id));
      const pending = message.email ?? emailDeliveryFixture();
      const results = await Promise.all(
        [1, 2, 3, 4].map((attempts) =>
          store.updateEmailDelivery(message.id, ['pending'], { ...pending, status: 'sent', attempts }),
        ),
      );
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect((await store.getMessage(message.id))?.email).toEqual(winners[0]?.email);
    });
  });
}
