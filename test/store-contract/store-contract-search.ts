import type { Reason } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import type { ConversationSearch, Store } from '../../apps/server/src/store/store';
import type { CurrentStore } from './store-contract';
import {
  agentAuthor,
  at,
  botMeta,
  botReplyFixture,
  conversationFixture,
  heldReplyFixture,
  messageFixture,
  reviewerAuthor,
} from './store-fixtures';

const legal: Reason = { signal: 'topic_rule', value: 'sue', rule: 'legal-threat' };
const unsure: Reason = { signal: 'low_confidence', value: 0.31, threshold: 0.66 };

const LONG =
  'I ordered a lamp three weeks ago and it still has not arrived, the tracking page says it is in a depot ' +
  'somewhere far away and nobody answers the phone there, so I would like a refund of the whole order now ' +
  'please, and the shipping cost too, because this was a birthday present and the birthday is over.';

/**
 * Four conversations, most recently active last:
 * - legal (site_demo, queued): a threat to sue about a refund, a bot reply on `refunds`;
 * - parcel (site_demo, with Ana): two questions about a parcel, a bot reply on `shipping`;
 * - card (site_other, closed by Rui): a long refund request, then one with a masked card;
 * - quiet (site_demo, bot): "refund" only in a system notice and an internal draft, which are not searched.
 */
async function seed(store: Store) {
  const ids = { legal: '', parcel: '', card: '', quiet: '' };

  const legalConv = await store.createConversation(conversationFixture({ createdAt: at(0) }));
  ids.legal = legalConv.id;
  await store.appendMessage(
    messageFixture(ids.legal, { text: 'Refund me or I will sue you in court', createdAt: at(10) }),
  );
  await store.appendMessage(
    botReplyFixture(ids.legal, {
      text: 'Refunds take five days.',
      bot: { ...botMeta, topic: 'refunds' },
      createdAt: at(11),
    }),
  );
  await store.transitionConversation(ids.legal, ['bot'], {
    state: 'queued',
    reasons: [legal],
    escalatedAt: at(12),
    updatedAt: at(12),
  });

  const parcelConv = await store.createConversation(conversationFixture({ createdAt: at(1) }));
  ids.parcel = parcelConv.id;
  await store.appendMessage(messageFixture(ids.parcel, { text: 'Where is my parcel?', createdAt: at(20) }));
  await store.appendMessage(
    botReplyFixture(ids.parcel, {
      text: 'Parcels ship in two days.',
      bot: { ...botMeta, topic: 'shipping' },
      createdAt: at(21),
    }),
  );
  await store.appendMessage(
    messageFixture(ids.parcel, { text: 'My PARCEL is still missing!', createdAt: at(22) }),
  );
  await store.transitionConversation(ids.parcel, ['bot'], {
    state: 'agent',
    reasons: [unsure],
    assignee: agentAuthor,
    escalatedAt: at(23),
    updatedAt: at(23),
  });

  const cardConv = await store.createConversation(
    conversationFixture({ siteKey: 'site_other', createdAt: at(2) }),
  );
  ids.card = cardConv.id;
  await store.appendMessage(messageFixture(ids.card, { text: LONG, createdAt: at(30) }));
  await store.appendMessage(
    messageFixture(ids.card, { text: 'Refund it to my card •••• 4242 please', createdAt: at(31) }),
  );
  await store.transitionConversation(ids.card, ['bot'], {
    state: 'closed',
    assignee: reviewerAuthor,
    updatedAt: at(32),
  });

  const quietConv = await store.createConversation(conversationFixture({ createdAt: at(3) }));
  ids.quiet = quietConv.id;
  await store.appendMessage(messageFixture(ids.quiet, { text: 'Hello there', createdAt: at(40) }));
  await store.appendMessage(heldReplyFixture(ids.quiet, { text: 'I can refund that.', createdAt: at(41) }));
  await store.appendMessage(
    messageFixture(ids.quiet, {
      clientId: null,
      role: 'system',
      text: 'A refund specialist will join.',
      notice: 'escalated',
      createdAt: at(42),
    }),
  );
  return ids;
}

export function describeSearchContract(current: CurrentStore): void {
  describe('conversation search', () => {
    const search = (query: Partial<ConversationSearch>) =>
      current().searchConversations({ limit: 10, ...query });
    const idsOf = async (query: Partial<ConversationSearch>) =>
      (await search(query)).hits.map((hit) => hit.conversation.id);

    it('finds the conversations with a public message containing every word, most recently active first', async () => {
      const ids = await seed(current());
      const page = await search({ text: 'refund' });
      expect(page.hits.map((hit) => hit.conversation.id)).toEqual([ids.card, ids.legal]);
      expect(page.next).toBeNull();
      const [card, legalHit] = page.hits;
      expect(card?.conversation).toMatchObject({ state: 'closed', siteKey: 'site_other', lastSeq: 2 });
      expect(card?.match).toMatchObject({ seq: 2, role: 'customer', createdAt: at(31) });
      expect(card?.match?.snippet).toBe('Refund it to my card •••• 4242 please');
      expect(legalHit?.match).toMatchObject({
        seq: 1,
        role: 'customer',
        snippet: 'Refund me or I will sue you in court',
      });

      expect(await idsOf({ text: 'REFUND' })).toEqual([ids.card, ids.legal]);
      expect(await idsOf({ text: '  sue,   refund! ' })).toEqual([ids.legal]);
      expect(await idsOf({ text: 'sue parcel' })).toEqual([]);
      // Whole words: a part of a word is not a match.
      expect(await idsOf({ text: 'ref' })).toEqual([]);
      expect(await idsOf({ text: 'specialist' })).toEqual([]);
    });

    it('matches bot replies too, and names the latest matching message', async () => {
      const ids = await seed(current());
      const [hit] = (await search({ text: 'parcel' })).hits;
      expect(hit?.conversation.id).toBe(ids.parcel);
      expect(hit?.match).toMatchObject({ seq: 3, role: 'customer', snippet: 'My PARCEL is still missing!' });
      const [bot] = (await search({ text: 'ship' })).hits;
      expect(bot?.match).toMatchObject({ seq: 2, role: 'bot', snippet: 'Parcels ship in two days.' });
    });

    it('cuts a long message around the first word found', async () => {
      const ids = await seed(current());
      const [hit] = (await search({ text: 'birthday', siteKey: 'site_other' })).hits;
      expect(hit?.conversation.id).toBe(ids.card);
      expect(hit?.match?.seq).toBe(1);
      const snippet = hit?.match?.snippet ?? '';
      expect(snippet.startsWith('…')).toBe(true);
      expect(snippet).toContain('birthday present');
      expect(snippet.length).toBeLessThanOrEqual(170);
    });

    it('finds only the last four digits of a card, which is all that is stored', async () => {
      const ids = await seed(current());
      expect(await idsOf({ text: '4242' })).toEqual([ids.card]);
      expect(await idsOf({ text: '4242424242424242' })).toEqual([]);
    });

    it('filters by state, reason, topic, agent, site and time of last activity', async () => {
      const ids = await seed(current());
      expect(await idsOf({})).toEqual([ids.quiet, ids.card, ids.parcel, ids.legal]);
      expect(await idsOf({ states: ['queued'] })).toEqual([ids.legal]);
      expect(await idsOf({ states: ['bot', 'agent'] })).toEqual([ids.quiet, ids.parcel]);
      expect(await idsOf({ reason: 'topic_rule' })).toEqual([ids.legal]);
      expect(await idsOf({ reason: 'low_confidence' })).toEqual([ids.parcel]);
      expect(await idsOf({ reason: 'sensitive_data' })).toEqual([]);
      expect(await idsOf({ topic: 'shipping' })).toEqual([ids.parcel]);
      expect(await idsOf({ topic: 'returns' })).toEqual([ids.quiet]);
      expect(await idsOf({ agentId: agentAuthor.id })).toEqual([ids.parcel]);
      expect(await idsOf({ agentId: reviewerAuthor.id })).toEqual([ids.card]);
      expect(await idsOf({ siteKey: 'site_other' })).toEqual([ids.card]);
      expect(await idsOf({ from: at(23), to: at(42) })).toEqual([ids.card, ids.parcel]);
      expect(await idsOf({ from: '2025-01-15T10:00:23+01:00' })).toEqual([ids.quiet, ids.card, ids.parcel]);
      expect(await idsOf({ to: at(12) })).toEqual([]);
      expect(await idsOf({ text: 'refund', siteKey: 'site_demo' })).toEqual([ids.legal]);
      expect(await idsOf({ text: 'refund', topic: 'refunds', states: ['queued'] })).toEqual([ids.legal]);
      expect(await idsOf({ text: 'refund', agentId: agentAuthor.id })).toEqual([]);
    });

    it('pages with a cursor, every conversation once, in order', async () => {
      const ids = await seed(current());
      const first = await search({ limit: 3 });
      expect(first.hits.map((hit) => hit.conversation.id)).toEqual([ids.quiet, ids.card, ids.parcel]);
      expect(first.next).toEqual({ updatedAt: at(23), id: ids.parcel });
      const second = await search({ limit: 3, ...(first.next ? { before: first.next } : {}) });
      expect(second.hits.map((hit) => hit.conversation.id)).toEqual([ids.legal]);
      expect(second.next).toBeNull();

      const textFirst = await search({ text: 'refund', limit: 1 });
      expect(textFirst.hits.map((hit) => hit.conversation.id)).toEqual([ids.card]);
      expect(textFirst.next).toEqual({ updatedAt: at(32), id: ids.card });
      const textSecond = await search({
        text: 'refund',
        limit: 1,
        ...(textFirst.next ? { before: textFirst.next } : {}),
      });
      expect(textSecond.hits.map((hit) => [hit.conversation.id, hit.match?.seq])).toEqual([[ids.legal, 1]]);
      expect(textSecond.next).toBeNull();
    });

    it('answers an empty page for no match and no matches for blank text', async () => {
      const ids = await seed(current());
      expect(await search({ text: 'zebra' })).toEqual({ hits: [], next: null });
      const blank = await search({ text: ' ?! ' });
      expect(blank.hits.map((hit) => [hit.conversation.id, hit.match])).toEqual([
        [ids.quiet, null],
        [ids.card, null],
        [ids.parcel, null],
        [ids.legal, null],
      ]);
    });
  });

  describe('what the live monitor reads', () => {
    it('keeps the latest customer words, their sentiment and the latest bot confidence', async () => {
      const store = current();
      const conversation = await store.createConversation(conversationFixture());
      await store.appendMessage(
        messageFixture(conversation.id, { text: 'This is awful', sentiment: -0.7, createdAt: at(1) }),
      );
      expect(await store.getConversation(conversation.id)).toMatchObject({
        lastCustomerText: 'This is awful',
        lastSentiment: -0.7,
        lastConfidence: null,
      });
      await store.appendMessage(botReplyFixture(conversation.id, { createdAt: at(2) }));
      await store.appendMessage(
        messageFixture(conversation.id, {
          clientId: null,
          role: 'agent',
          text: 'Sorry!',
          author: agentAuthor,
          createdAt: at(3),
        }),
      );
      expect(await store.getConversation(conversation.id)).toMatchObject({
        lastMessage: 'Sorry!',
        lastCustomerText: 'This is awful',
        lastSentiment: -0.7,
        lastConfidence: botMeta.confidence,
      });
      const held = await store.appendMessageIf(
        heldReplyFixture(conversation.id, { bot: { ...botMeta, confidence: 0.91 }, createdAt: at(4) }),
        { states: ['bot'], botContextFromSeq: 0 },
      );
      expect(held).not.toBeNull();
      await store.appendMessage(messageFixture(conversation.id, { text: 'Thanks', createdAt: at(5) }));
      expect(await store.getConversation(conversation.id)).toMatchObject({
        lastMessage: 'Thanks',
        lastCustomerText: 'Thanks',
        lastSentiment: null,
        lastConfidence: 0.91,
      });
    });
  });
}
