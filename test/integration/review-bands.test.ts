import type { Conversation, Message } from '@hitl/shared/models';
import type { ReviewItem, ReviewItemListResponse, ReviewMarkResult } from '@hitl/shared/review-items';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedResponder } from '../support/scripted-responder';
import { type StoreKind, storeKinds } from '../support/store-kinds';
import {
  type AgentClient,
  startTestServer,
  type TestServer,
  type WidgetClient,
} from '../support/test-server';
import { collectEvents, waitForEvent } from '../support/wait-for';

// The bands are pinned here, whatever the shipped policy says: answer ≥ 0.86, review from 0.7.
const BANDS = { CONFIDENCE_THRESHOLD: '0.86', REVIEW_THRESHOLD: '0.7' };
const script = {
  norway: { text: 'We ship to every EU country.', confidence: 0.78, topic: 'shipping' },
  returns: { text: 'Returns are free within 30 days.', confidence: 0.95, topic: 'returns' },
  warranty: { text: 'Warranty is one year.', confidence: 0.4, topic: 'warranty' },
};

const send = (socket: WidgetClient, text: string, conversationId?: string) =>
  socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text, conversationId });

async function startBandServer(env: Record<string, string> = {}, store: StoreKind = 'sqlite') {
  return startTestServer({ ...BANDS, ...env }, { responder: async () => scriptedResponder(script), store });
}

describe.each(storeKinds)('two bands in supervised mode (%s store)', (kind: StoreKind) => {
  let server: TestServer;
  let agent: AgentClient;
  let ana: { token: string };
  let ben: AgentClient;
  beforeAll(async () => {
    server = await startBandServer({}, kind);
    ana = await server.createAgent({ name: 'Ana Agent' });
    agent = await server.connectAgent(ana.token);
    ben = await server.connectAgent((await server.createAgent({ name: 'Ben Agent' })).token);
  });
  afterAll(() => server.close());

  /** A customer asks about Norway (0.78, in the band); resolves once the answer is in the review list. */
  async function midBandAnswer() {
    const { socket } = await server.connectVisitor();
    const reply = waitForEvent<Message>(socket as never, 'message:created', (m) => m.role === 'bot');
    const created = waitForEvent<ReviewItem>(
      agent as never,
      'review:created',
      (i) => i.answer === script.norway.text,
    );
    const ack = await send(socket, 'Do you ship to Norway?');
    if (!ack.ok) throw new Error(ack.error.message);
    const answer = await reply;
    const item = await created;
    return { socket, answer, item, conversationId: ack.data.conversation.id };
  }

  const listItems = async (query = '') => {
    const res = await fetch(`${server.url}/api/review-items${query}`, {
      headers: { authorization: `Bearer ${ana.token}` },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as ReviewItemListResponse).items;
  };

  it('answers in the band and puts the answer in the review list, with the band as its reason', async () => {
    const { answer, item, conversationId } = await midBandAnswer();
    expect(answer.text).toBe(script.norway.text);
    expect(item).toMatchObject({
      conversationId,
      messageId: answer.id,
      question: 'Do you ship to Norway?',
      confidence: 0.78,
      topic: 'shipping',
      status: 'pending',
      reasons: [{ signal: 'review_band', value: 0.78, threshold: 0.86 }],
    });
    const listed = (await listItems()).find((i) => i.id === item.id);
    // The question itself is among the recent ones, so it resembles at least one.
    expect(listed?.priority.uncertainty).toBe(0.22);
    expect(listed?.priority.similar).toBeGreaterThanOrEqual(1);
    expect(listed?.priority.value).toBeCloseTo(0.22 * (listed?.priority.similar ?? 0), 2);
    expect((await server.store.getConversation(conversationId))?.state).toBe('bot');
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/hitl_review_items_total\{status="created"\} [1-9]/);
  });

  it('answers above the band without a review item', async () => {
    const { socket } = await server.connectVisitor();
    const reply = waitForEvent<Message>(socket as never, 'message:created', (m) => m.role === 'bot');
    await send(socket, 'What about returns?');
    const answer = await reply;
    const items = await server.store.listReviewItems({ status: 'any', limit: 200 });
    expect(items.map((i) => i.messageId)).not.toContain(answer.id);
  });

  it('escalates below the review threshold, naming it', async () => {
    const { socket } = await server.connectVisitor();
    const escalated = waitForEvent<Conversation>(agent as never, 'conversation:escalated');
    await send(socket, 'How long is the warranty?');
    const conversation = await escalated;
    expect(conversation.reasons).toEqual([{ signal: 'low_confidence', value: 0.4, threshold: 0.7 }]);
    const items = await server.store.listReviewItems({ status: 'any', limit: 200 });
    expect(items.map((i) => i.conversationId)).not.toContain(conversation.id);
  });

  it('orders the list by value by default, and by time when asked', async () => {
    const items = await listItems();
    const values = items.map((i) => i.priority.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const newest = await listItems('?order=newest');
    const times = newest.map((i) => i.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const bad = await fetch(`${server.url}/api/review-items?order=random`, {
      headers: { authorization: `Bearer ${ana.token}` },
    });
    expect(bad.status).toBe(400);
  });

  it('a correction from the list reaches the customer still there, and is recorded for review', async () => {
    const { socket, item, answer } = await midBandAnswer();
    const followUp = waitForEvent<Message>(socket as never, 'message:created', (m) =>
      m.text.startsWith('A correction to my earlier answer:'),
    );
    const updated = waitForEvent<ReviewItem>(ben as never, 'review:updated', (i) => i.id === item.id);
    const ack = await agent.emitWithAck('review:mark', {
      itemId: item.id,
      verdict: 'corrected',
      correctedText: 'We ship to Norway too; customs fees may apply.',
      reasons: ['wrong_fact'],
    });
    if (!ack.ok) throw new Error(ack.error.message);
    const message = await followUp;
    expect(message).toMatchObject({
      role: 'bot',
      text: 'A correction to my earlier answer: We ship to Norway too; customs fees may apply.',
    });
    expect(ack.data.followUp?.id).toBe(message.id);
    expect(await updated).toMatchObject({ status: 'corrected', reviewer: { name: 'Ana Agent' } });
    const correction = await server.store.getCorrection(ack.data.correction?.id ?? '');
    expect(correction).toMatchObject({
      messageId: answer.id,
      kind: 'rewritten_reply',
      original: { text: script.norway.text, confidence: 0.78 },
      correctedText: 'We ship to Norway too; customs fees may apply.',
      review: { status: 'pending' },
    });
    expect((await server.store.getReviewItem(item.id))?.correctionId).toBe(correction?.id);
  });

  it('once a person has the conversation, the correcting agent sends the follow-up under their name', async () => {
    const { socket, item, conversationId } = await midBandAnswer();
    expect((await agent.emitWithAck('conversation:claim', { conversationId })).ok).toBe(true);
    const followUp = waitForEvent<Message>(socket as never, 'message:created', (m) =>
      m.text.startsWith('A correction to our earlier answer:'),
    );
    const ack = await ben.emitWithAck('review:mark', {
      itemId: item.id,
      verdict: 'corrected',
      correctedText: 'Norway too.',
      reasons: ['incomplete'],
    });
    expect(ack.ok).toBe(true);
    expect(await followUp).toMatchObject({
      role: 'agent',
      author: { name: 'Ben Agent' },
      text: 'A correction to our earlier answer: Norway too.',
    });
  });

  it('a correction after the conversation closed is recorded but not sent', async () => {
    const { item, conversationId } = await midBandAnswer();
    expect((await agent.emitWithAck('conversation:close', { conversationId })).ok).toBe(true);
    const ack = await agent.emitWithAck('review:mark', {
      itemId: item.id,
      verdict: 'corrected',
      correctedText: 'We ship to Norway.',
      reasons: ['incomplete'],
    });
    expect(ack.ok && ack.data.followUp).toBeNull();
    expect(ack.ok && ack.data.correction?.kind).toBe('rewritten_reply');
    const messages = await server.store.listMessages(conversationId, { afterSeq: 0, includeInternal: true });
    expect(messages.filter((m) => m.text.startsWith('A correction'))).toEqual([]);
  });

  it('of two agents marking one item at once exactly one wins; the other is told who', async () => {
    const { item, answer } = await midBandAnswer();
    const [a, b] = await Promise.all([
      agent.emitWithAck('review:mark', { itemId: item.id, verdict: 'right' }),
      ben.emitWithAck('review:mark', {
        itemId: item.id,
        verdict: 'corrected',
        correctedText: 'Norway: yes, with customs.',
        reasons: ['incomplete'],
      }),
    ]);
    const results = [a, b];
    const won = results.filter((r) => r.ok) as { ok: true; data: ReviewMarkResult }[];
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0]?.data.item.reviewer?.name ?? '';
    expect(lost[0]).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!lost[0]?.ok && lost[0]?.error.message).toContain(`by ${winner}`);
    // Only the winner's verdict is stored; a losing correction is not.
    const message = await server.store.getMessage(answer.id);
    expect(message?.correctionId ?? null).toBe(won[0]?.data.correction?.id ?? null);
  });

  it('an answer corrected from its conversation leaves the list as corrected', async () => {
    const { item, answer } = await midBandAnswer();
    const updated = waitForEvent<ReviewItem>(ben as never, 'review:updated', (i) => i.id === item.id);
    const ack = await agent.emitWithAck('correction:create', {
      messageId: answer.id,
      correctedText: 'Yes, Norway too.',
      reasons: ['incomplete'],
    });
    if (!ack.ok) throw new Error(ack.error.message);
    expect(await updated).toMatchObject({
      status: 'corrected',
      correctionId: ack.data.correction.id,
      reviewer: { name: 'Ana Agent' },
    });
    const again = await ben.emitWithAck('review:mark', { itemId: item.id, verdict: 'right' });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Ana Agent') },
    });
  });

  it('refuses bad input and unknown items, changing nothing', async () => {
    const bad = await agent.emitWithAck('review:mark', { itemId: 'x', verdict: 'maybe' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const unknown = await agent.emitWithAck('review:mark', { itemId: 'rev_missing', verdict: 'right' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('two bands in approval mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startBandServer({ OVERSIGHT_MODE: 'approval' });
  });
  afterAll(() => server.close());

  it('holds a mid-band answer as a draft naming the band, not in the review list', async () => {
    const agent = await server.connectAgent((await server.createAgent()).token);
    const { socket } = await server.connectVisitor();
    const seen = collectEvents<Message>(socket as never, 'message:created');
    const draft = waitForEvent<Message>(agent as never, 'draft:created');
    const reviewing = waitForEvent<Message>(
      socket as never,
      'message:created',
      (m) => m.notice === 'reviewing',
    );
    await send(socket, 'Do you ship to Norway?');
    expect((await draft).draft).toMatchObject({
      status: 'pending',
      reasons: [{ signal: 'review_band', value: 0.78, threshold: 0.86 }],
    });
    await reviewing;
    expect(seen.filter((m) => m.role === 'bot')).toEqual([]);
    expect(await server.store.listReviewItems({ status: 'any', limit: 10 })).toEqual([]);
  });
});
