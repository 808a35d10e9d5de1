import type { Conversation, Reason } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import { StoreConflictError } from '../../apps/server/src/store/store-errors';
import type { CurrentStore } from './store-contract';
import { agentAuthor, at, conversationFixture, messageFixture, reviewerAuthor } from './store-fixtures';

const lowConfidence: Reason = { signal: 'low_confidence', value: 0.31, threshold: 0.6, rule: 'default' };

export function describeConversationContract(current: CurrentStore): void {
  describe('conversations', () => {
    it('creates a conversation in state bot with empty defaults', async () => {
      const input = conversationFixture({ createdAt: at(5) });
      const created = await current().createConversation(input);
      const expected: Conversation = {
        id: input.id,
        siteKey: input.siteKey,
        visitorId: input.visitorId,
        state: 'bot',
        assignee: null,
        reasons: [],
        escalatedAt: null,
        botContextFromSeq: 0,
        lastSeq: 0,
        lastMessage: null,
        lastCustomerText: null,
        lastSentiment: null,
        lastConfidence: null,
        contactEmail: null,
        satisfaction: null,
        outcome: null,
        tags: [],
        createdAt: at(5),
        updatedAt: at(5),
      };
      expect(created).toEqual(expected);
      expect(await current().getConversation(input.id)).toEqual(expected);
    });

    it('returns null for an unknown conversation', async () => {
      expect(await current().getConversation('conv_missing')).toBeNull();
    });

    it('rejects a second conversation with the same id', async () => {
      const input = conversationFixture();
      await current().createConversation(input);
      await expect(current().createConversation(input)).rejects.toBeInstanceOf(StoreConflictError);
    });

    it('finds the most recent open conversation of a visitor, ignoring closed ones', async () => {
      const store = current();
      const visitor = { siteKey: 'site_shop', visitorId: 'visitor_1' };
      expect(await store.findOpenConversation(visitor.siteKey, visitor.visitorId)).toBeNull();

      const older = await store.createConversation(conversationFixture({ ...visitor, createdAt: at(1) }));
      const newer = await store.createConversation(conversationFixture({ ...visitor, createdAt: at(2) }));
      await store.createConversation(conversationFixture({ siteKey: 'site_shop', createdAt: at(3) }));
      await store.createConversation(conversationFixture({ siteKey: 'site_other', visitorId: 'visitor_1' }));
      expect((await store.findOpenConversation(visitor.siteKey, visitor.visitorId))?.id).toBe(newer.id);

      await store.transitionConversation(newer.id, ['bot'], { state: 'closed', updatedAt: at(4) });
      expect((await store.findOpenConversation(visitor.siteKey, visitor.visitorId))?.id).toBe(older.id);

      await store.transitionConversation(older.id, ['bot'], { state: 'closed', updatedAt: at(5) });
      expect(await store.findOpenConversation(visitor.siteKey, visitor.visitorId)).toBeNull();
    });

    it('lists conversations filtered by state, most recently updated first, up to the limit', async () => {
      const store = current();
      const ids: string[] = [];
      for (let i = 0; i < 4; i++)
        ids.push((await store.createConversation(conversationFixture({ createdAt: at(i) }))).id);
      const [a, b, c, d] = ids as [string, string, string, string];
      await store.transitionConversation(a, ['bot'], { state: 'queued', updatedAt: at(20) });
      await store.transitionConversation(b, ['bot'], { state: 'closed', updatedAt: at(30) });
      await store.appendMessage(messageFixture(c, { createdAt: at(25) }));

      expect((await store.listConversations({ limit: 10 })).map((x) => x.id)).toEqual([b, c, a, d]);
      expect((await store.listConversations({ limit: 2 })).map((x) => x.id)).toEqual([b, c]);
      expect(
        (await store.listConversations({ states: ['bot', 'queued'], limit: 10 })).map((x) => x.id),
      ).toEqual([c, a, d]);
      expect((await store.listConversations({ states: ['agent'], limit: 10 })).map((x) => x.id)).toEqual([]);
    });

    it("lists one agent's conversations", async () => {
      const store = current();
      const ana = { id: 'agt_ana', name: 'Ana' };
      const rui = { id: 'agt_rui', name: 'Rui' };
      const ids: string[] = [];
      for (const [i, assignee] of [ana, rui, ana].entries()) {
        const { id } = await store.createConversation(conversationFixture({ createdAt: at(i) }));
        await store.transitionConversation(id, ['bot'], { state: 'agent', assignee, updatedAt: at(10 + i) });
        ids.push(id);
      }
      const mine = await store.listConversations({ states: ['agent'], assigneeId: ana.id, limit: 10 });
      expect(mine.map((x) => x.id)).toEqual([ids[2], ids[0]]);
      expect(await store.listConversations({ assigneeId: 'agt_nobody', limit: 10 })).toEqual([]);
    });

    it('pages through the list with a cursor: every conversation once, in order, ties broken by id', async () => {
      const store = current();
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        const { id } = await store.createConversation(conversationFixture({ createdAt: at(i) }));
        ids.push(id);
        // Three share an update time, so the order between them is by id.
        await store.transitionConversation(id, ['bot'], {
          state: 'queued',
          updatedAt: at(i < 3 ? 50 : 40 - i),
        });
      }
      const everything = await store.listConversations({ states: ['queued'], limit: 50 });
      expect(everything).toHaveLength(7);
      const paged: string[] = [];
      let before: { updatedAt: string; id: string } | undefined;
      for (;;) {
        const page = await store.listConversations({
          states: ['queued'],
          limit: 2,
          ...(before ? { before } : {}),
        });
        paged.push(...page.map((c) => c.id));
        const last = page.at(-1);
        if (page.length < 2 || last === undefined) break;
        before = { updatedAt: last.updatedAt, id: last.id };
      }
      expect(paged).toEqual(everything.map((c) => c.id));
      expect(new Set(paged)).toEqual(new Set(ids));
      const tied = everything.slice(0, 3).map((c) => c.id);
      expect(tied).toEqual([...tied].sort().reverse());
    });

    it('applies a transition only from an allowed state, and reports a refused one with null', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      const escalated = await store.transitionConversation(id, ['bot'], {
        state: 'queued',
        reasons: [lowConfidence],
        escalatedAt: at(7),
        updatedAt: at(7),
      });
      expect(escalated).toMatchObject({
        state: 'queued',
        reasons: [lowConfidence],
        escalatedAt: at(7),
        updatedAt: at(7),
      });
      expect(await store.getConversation(id)).toEqual(escalated);

      expect(
        await store.transitionConversation(id, ['bot', 'agent'], { state: 'closed', updatedAt: at(8) }),
      ).toBeNull();
      expect(await store.getConversation(id)).toEqual(escalated);
      expect(
        await store.transitionConversation('conv_missing', ['bot'], { state: 'closed', updatedAt: at(8) }),
      ).toBeNull();
      expect(await store.transitionConversation(id, [], { state: 'closed', updatedAt: at(8) })).toBeNull();
    });

    it('changes only the fields a patch carries', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      await store.transitionConversation(id, ['bot'], {
        state: 'agent',
        assignee: agentAuthor,
        reasons: [lowConfidence],
        escalatedAt: at(2),
        updatedAt: at(2),
      });
      const handedBack = await store.transitionConversation(id, ['agent'], {
        state: 'bot',
        assignee: null,
        botContextFromSeq: 7,
        updatedAt: at(3),
      });
      expect(handedBack).toMatchObject({
        state: 'bot',
        assignee: null,
        reasons: [lowConfidence],
        escalatedAt: at(2),
        botContextFromSeq: 7,
        updatedAt: at(3),
      });
      const touched = await store.transitionConversation(id, ['bot'], {
        updatedAt: at(4),
        escalatedAt: null,
      });
      expect(touched).toEqual({ ...handedBack, escalatedAt: null, updatedAt: at(4) });
    });

    it('requires the given assignee when one is named', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      expect(
        await store.transitionConversation(
          id,
          ['bot'],
          { state: 'closed', updatedAt: at(1) },
          agentAuthor.id,
        ),
      ).toBeNull();
      await store.transitionConversation(id, ['bot'], {
        state: 'agent',
        assignee: agentAuthor,
        updatedAt: at(2),
      });

      const byOther = await store.transitionConversation(
        id,
        ['agent'],
        { state: 'bot', assignee: null, updatedAt: at(3) },
        reviewerAuthor.id,
      );
      expect(byOther).toBeNull();
      expect((await store.getConversation(id))?.assignee).toEqual(agentAuthor);

      const byOwner = await store.transitionConversation(
        id,
        ['agent'],
        { state: 'bot', assignee: null, updatedAt: at(4) },
        agentAuthor.id,
      );
      expect(byOwner).toMatchObject({ state: 'bot', assignee: null });
    });

    it('stores the e-mail a customer left and returns the updated conversation', async () => {
      const store = current();
      const created = await store.createConversation(conversationFixture({ createdAt: at(1) }));
      const updated = await store.setConversationContact(created.id, 'ana@example.com', at(6));
      expect(updated).toEqual({ ...created, contactEmail: 'ana@example.com', updatedAt: at(6) });
      expect(await store.getConversation(created.id)).toEqual(updated);
      expect((await store.listConversations({ limit: 10 })).find((c) => c.id === created.id)).toEqual(
        updated,
      );

      const replaced = await store.setConversationContact(created.id, 'ana@work.example', at(7));
      expect(replaced).toEqual({ ...created, contactEmail: 'ana@work.example', updatedAt: at(7) });
      expect(await store.setConversationContact('conv_missing', 'ana@example.com', at(8))).toBeNull();
      expect(await store.getConversation('conv_missing')).toBeNull();
    });

    it('keeps the contact e-mail through transitions and messages', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      await store.setConversationContact(id, 'ana@example.com', at(2));
      await store.transitionConversation(id, ['bot'], { state: 'queued', updatedAt: at(3) });
      await store.appendMessage(messageFixture(id, { createdAt: at(4) }));
      expect(await store.getConversation(id)).toMatchObject({
        state: 'queued',
        contactEmail: 'ana@example.com',
        lastSeq: 1,
        updatedAt: at(4),
      });
    });

    it('lets exactly one of 50 concurrent claims win', async () => {
      const store = current();
      const { id } = await store.createConversation(conversationFixture());
      await store.transitionConversation(id, ['bot'], { state: 'queued', updatedAt: at(1) });
      const claimants = Array.from({ length: 50 }, (_, i) => ({ id: `agent_${i}`, name: `Agent ${i}` }));
      const results = await Promise.all(
        claimants.map((assignee) =>
          store.transitionConversation(id, ['queued'], { state: 'agent', assignee, updatedAt: at(2) }),
        ),
      );
      const winners = results.filter((result) => result !== null);
      expect(winners).toHaveLength(1);
      expect((await store.getConversation(id))?.assignee).toEqual(winners[0]?.assignee);
    });
  });
}
