import type { ConversationState } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import type { AppendPrecondition, Store } from '../../apps/server/src/store/store';
import { StoreConflictError } from '../../apps/server/src/store/store-errors';
import type { CurrentStore } from './store-contract';
import { agentAuthor, at, botReplyFixture, conversationFixture, messageFixture } from './store-fixtures';

const whileBot = (botContextFromSeq = 0): AppendPrecondition => ({ states: ['bot'], botContextFromSeq });

/** A conversation whose one message an agent took over and handed back: its context boundary is now 1. */
async function handedBackAfterOneMessage(store: Store): Promise<string> {
  const { id } = await store.createConversation(conversationFixture());
  await store.appendMessage(messageFixture(id));
  await store.transitionConversation(id, ['bot'], {
    state: 'agent',
    assignee: agentAuthor,
    updatedAt: at(2),
  });
  await store.transitionConversation(id, ['agent'], {
    state: 'bot',
    assignee: null,
    botContextFromSeq: 1,
    updatedAt: at(3),
  });
  return id;
}

export function describeGuardedAppendContract(current: CurrentStore): void {
  describe('bot appends with a precondition', () => {
    it('stores the reply with the next seq while the conversation is as the turn saw it', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      await store.appendMessage(messageFixture(id, { createdAt: at(1) }));
      const reply = botReplyFixture(id, { createdAt: at(2), text: 'Refunds take 5 days' });

      const stored = await store.appendMessageIf(reply, whileBot());

      expect(stored?.message).toEqual({ ...reply, seq: 2, correctionId: null });
      expect(await store.getMessage(reply.id)).toEqual(stored?.message);
      expect(await store.getConversation(id)).toMatchObject({
        lastSeq: 2,
        updatedAt: at(2),
        lastMessage: 'Refunds take 5 days',
      });
      // The conversation as the append left it, as a read after it gives it.
      expect(stored?.conversation).toEqual(await store.getConversation(id));
    });

    it.each<ConversationState>(['queued', 'agent', 'closed'])(
      'refuses it once the conversation is %s and changes nothing',
      async (state) => {
        const store = current();
        const { id } = await store.createConversation(conversationFixture());
        await store.appendMessage(messageFixture(id, { createdAt: at(1) }));
        await store.transitionConversation(id, ['bot'], { state, updatedAt: at(2) });
        const before = await store.getConversation(id);
        const reply = botReplyFixture(id, { createdAt: at(3) });

        expect(await store.appendMessageIf(reply, whileBot())).toBeNull();
        expect(await store.getMessage(reply.id)).toBeNull();
        expect(await store.getConversation(id)).toEqual(before);
      },
    );

    it('a customer message awaits the bot until a turn answers it; one turn per question', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      await store.appendMessage(messageFixture(id, { createdAt: at(1) }));
      const awaiting = async () =>
        (await store.listAwaitingBot(100)).filter((a) => a.conversation.id === id).map((a) => a.questionSeq);
      expect(await awaiting()).toEqual([1]);

      const turn = (turnId: string, questionSeq = 1): AppendPrecondition => ({
        ...whileBot(),
        turn: { questionSeq, turnId },
      });
      expect(await store.wasAnswered(id, 1)).toBe(false);
      const answered = await store.appendMessageIf(botReplyFixture(id), turn('turn_a'));
      expect(answered?.conversation).toEqual(await store.getConversation(id));
      expect(await awaiting()).toEqual([]);
      expect(await store.wasAnswered(id, 1)).toBe(true);
      expect(await store.wasAnswered(id, 2)).toBe(false);
      expect(await store.wasAnswered('conv_missing', 1)).toBe(false);
      // The same turn may add its next message (a draft and its notice); another turn for it may not.
      expect(await store.appendMessageIf(botReplyFixture(id), turn('turn_a'))).not.toBeNull();
      const before = await store.getConversation(id);
      expect(await store.appendMessageIf(botReplyFixture(id), turn('turn_b'))).toBeNull();
      expect(await store.getConversation(id)).toEqual(before);

      // A later question is answered by a new turn, and then the earlier one's turns are refused.
      const { message: second } = await store.appendMessage(messageFixture(id, { createdAt: at(5) }));
      expect(await awaiting()).toEqual([second.seq]);
      expect(await store.appendMessageIf(botReplyFixture(id), turn('turn_c', second.seq))).not.toBeNull();
      expect(await store.appendMessageIf(botReplyFixture(id), turn('turn_a'))).toBeNull();
      expect(await awaiting()).toEqual([]);
    });

    it('of two turns answering one question at once, exactly one is stored', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      await store.appendMessage(messageFixture(id));
      const results = await Promise.all(
        ['turn_x', 'turn_y', 'turn_z'].map((turnId) =>
          store.appendMessageIf(botReplyFixture(id), { ...whileBot(), turn: { questionSeq: 1, turnId } }),
        ),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });

    it('takes a conversation off the awaiting list only for the question it awaits', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      await store.appendMessage(messageFixture(id));
      await store.appendMessage(messageFixture(id));
      await store.clearAwaitingBot(id, 1);
      const mine = async () => (await store.listAwaitingBot(100)).filter((a) => a.conversation.id === id);
      expect((await mine()).map((a) => a.questionSeq)).toEqual([2]);
      await store.clearAwaitingBot(id, 2);
      expect(await mine()).toEqual([]);
    });

    it('refuses a reply computed before a hand-back moved the context boundary', async () => {
      const store = current();
      const id = await handedBackAfterOneMessage(store);

      expect(await store.appendMessageIf(botReplyFixture(id), whileBot(0))).toBeNull();
      const fresh = await store.appendMessageIf(botReplyFixture(id), whileBot(1));
      expect(fresh?.message.seq).toBe(2);
    });

    it('escalates, like it appends, only at the context boundary the turn saw', async () => {
      const store = current();
      const id = await handedBackAfterOneMessage(store);
      const escalate = { state: 'queued' as const, updatedAt: at(4) };

      expect(await store.transitionConversation(id, ['bot'], escalate, undefined, 0)).toBeNull();
      expect((await store.getConversation(id))?.state).toBe('bot');
      expect((await store.transitionConversation(id, ['bot'], escalate, undefined, 1))?.state).toBe('queued');
    });

    it('refuses it for an unknown conversation, and a duplicate id throws', async () => {
      const store = current();
      expect(await store.appendMessageIf(botReplyFixture('conv_missing'), whileBot())).toBeNull();
      const { id } = await store.createConversation(conversationFixture());
      const reply = botReplyFixture(id);
      await store.appendMessageIf(reply, whileBot());
      await expect(store.appendMessageIf(reply, whileBot())).rejects.toBeInstanceOf(StoreConflictError);
      expect((await store.getConversation(id))?.lastSeq).toBe(1);
    });

    it('numbers guarded and plain appends together without duplicates or gaps', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          i % 2 === 0
            ? store.appendMessage(messageFixture(id, { text: `customer ${i}` })).then((r) => r.message)
            : store
                .appendMessageIf(botReplyFixture(id, { text: `bot ${i}` }), whileBot())
                .then((r) => r?.message),
        ),
      );
      const seqs = results.map((m) => m?.seq ?? 0).sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      expect((await store.getConversation(id))?.lastSeq).toBe(60);
    });

    it('of a claim racing a bot reply, the reply is either refused or ordered before the claim', async () => {
      const store = current();
      for (let round = 0; round < 20; round++) {
        const { id } = await store.createConversation(conversationFixture());
        await store.appendMessage(messageFixture(id));
        const reply = botReplyFixture(id);
        const [stored] = await Promise.all([
          store.appendMessageIf(reply, whileBot()),
          claimWithNotice(store, id),
        ]);

        const messages = await store.listMessages(id, { afterSeq: 0, includeInternal: true });
        const joined = messages.find((m) => m.notice === 'agent_joined');
        const bot = messages.find((m) => m.id === reply.id);
        expect(joined).toBeDefined();
        // Exactly one consistent outcome: dropped and absent, or stored and before "agent joined".
        if (stored === null) expect(bot).toBeUndefined();
        else expect(bot?.seq).toBeLessThan(joined?.seq ?? 0);
      }
    });
  });
}

/** What `claimConversation` writes: the state change, then the notice. */
async function claimWithNotice(store: Store, id: string): Promise<void> {
  const claimed = await store.transitionConversation(id, ['bot', 'queued'], {
    state: 'agent',
    assignee: agentAuthor,
    updatedAt: at(5),
  });
  if (!claimed) throw new Error('the claim must win: nothing else claims');
  await store.appendMessage(
    messageFixture(id, { role: 'system', clientId: null, notice: 'agent_joined', text: 'Ana joined' }),
  );
}
