import type { Correction, Message } from '@hitl/shared/models';
import type { CorrectionStatsResponse } from '@hitl/shared/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editDistance } from '../../apps/server/src/domain/edit-distance';
import { askAsCustomer, type Login } from '../support/knowledge-api';
import { type StoreKind, storeKinds } from '../support/store-kinds';
import { type AgentClient, startTestServer, type TestServer } from '../support/test-server';

/** No article covers these: the model answers the first wrongly but confidently, and escalates the others. */
const GIFT_WRAP = 'do you sell gift wrapping?';
const GIFT_WRAP_PARAPHRASE = 'Could you gift wrap my order?';
const GIFT_WRAP_ANSWER =
  'Yes! Gift wrapping is $5 per order: tick “Gift wrap” at checkout and add a card message.';
const ENGRAVING = 'do you offer engraving?';
const ENGRAVING_PARAPHRASE = 'Can you engrave my knife?';
const RENTAL = 'do you rent tents?';

describe.each(storeKinds)('learning from reviewed corrections (%s store)', (kind: StoreKind) => {
  let server: TestServer;
  let threshold: number;
  /** Ana (role agent) and Ric (role reviewer) answer customers; Rita (role reviewer) reviews. */
  let ana: Login & { socket: AgentClient };
  let ric: Login & { socket: AgentClient };
  let rita: Login;
  let wrongReply: Message;
  let giftWrap: Correction;

  beforeAll(async () => {
    server = await startTestServer({}, { store: kind });
    threshold = server.app.ctx.policy().confidenceThreshold;
    const anaLogin = await server.createAgent({ name: 'Ana Agent', role: 'agent' });
    const ricLogin = await server.createAgent({ name: 'Ric Reviewer', role: 'reviewer' });
    rita = await server.createAgent({ name: 'Rita Reviewer', role: 'reviewer' });
    ana = { ...anaLogin, socket: await server.connectAgent(anaLogin.token) };
    ric = { ...ricLogin, socket: await server.connectAgent(ricLogin.token) };
  });
  afterAll(() => server?.close());

  /** A new customer asks `text`; resolves with the bot's public reply or the escalation notice. */
  async function ask(text: string): Promise<{ reply: Message; conversationId: string }> {
    return askAsCustomer((await server.connectVisitor()).socket, text);
  }

  async function api<T>(token: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${server.url}/api${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  const review = (who: Login, id: string, body: Record<string, unknown>) =>
    api<{ correction: Correction; error?: { code: string; message: string } }>(
      who.token,
      `/corrections/${id}/review`,
      body,
    );

  /** The escalated question is claimed and answered by Ric, who marks his reply as the answer: a pending human_answer. */
  async function answeredByRic(question: string, answer: string): Promise<Correction> {
    const { reply, conversationId } = await ask(question);
    expect(reply.notice).toBe('escalated');
    const claim = await ric.socket.emitWithAck('conversation:claim', { conversationId });
    expect(claim.ok).toBe(true);
    const sent = await ric.socket.emitWithAck('message:send', {
      conversationId,
      clientId: crypto.randomUUID(),
      text: answer,
    });
    if (!sent.ok) throw new Error(sent.error.message);
    const marked = await ric.socket.emitWithAck('answer:mark', {
      messageId: sent.data.message.id,
      marked: true,
    });
    expect(marked.ok).toBe(true);
    const { body } = await api<{ corrections: Correction[] }>(
      rita.token,
      '/corrections?status=pending&kind=human_answer',
    );
    const correction = body.corrections.find((c) => c.conversationId === conversationId);
    expect(correction).toMatchObject({ correctedText: answer, agent: { id: ric.agent.id } });
    return correction as Correction;
  }

  it('1. answers a store-specific question wrongly, with confidence above the threshold', async () => {
    ({ reply: wrongReply } = await ask(GIFT_WRAP));
    expect(wrongReply).toMatchObject({ role: 'bot', visibility: 'public' });
    expect(wrongReply.bot?.confidence).toBeGreaterThanOrEqual(threshold);
    expect(wrongReply.text).not.toMatch(/wrap/i);
  });

  it('2. an agent corrects the reply; a pending correction teaches nothing yet', async () => {
    const ack = await ana.socket.emitWithAck('correction:create', {
      messageId: wrongReply.id,
      correctedText: GIFT_WRAP_ANSWER,
      reasons: ['wrong_fact'],
    });
    if (!ack.ok) throw new Error(ack.error.message);
    giftWrap = ack.data.correction;
    expect(giftWrap).toMatchObject({
      kind: 'rewritten_reply',
      topic: wrongReply.bot?.topic ?? null,
      review: { status: 'pending', reviewer: null, edited: false },
    });
    expect((await ask(GIFT_WRAP)).reply.text).toBe(wrongReply.text);
  });

  it('3. refuses a review by the agent role (403)', async () => {
    const refused = await review(ana, giftWrap.id, { status: 'approved' });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await server.store.getCorrection(giftWrap.id))?.review.status).toBe('pending');
  });

  it('4. once a reviewer approves over REST, new customers get the corrected answer, without a restart', async () => {
    const approved = await review(rita, giftWrap.id, { status: 'approved', note: 'checked with the shop' });
    expect(approved.status).toBe(200);
    expect(approved.body.correction).toMatchObject({
      correctedText: GIFT_WRAP_ANSWER,
      editDistance: giftWrap.editDistance,
      review: {
        status: 'approved',
        reviewer: { id: rita.agent.id },
        note: 'checked with the shop',
        edited: false,
      },
    });
    for (const question of [GIFT_WRAP, GIFT_WRAP_PARAPHRASE]) {
      const { reply } = await ask(question);
      expect(reply).toMatchObject({ role: 'bot', visibility: 'public', text: GIFT_WRAP_ANSWER });
      expect(reply.bot?.confidence).toBeGreaterThanOrEqual(threshold);
    }
  });

  it('5. an escalated question answered by a person teaches the bot, with the reviewer’s edits', async () => {
    const correction = await answeredByRic(ENGRAVING, 'We engrave knives.');
    // The topic is the one of the reply the bot withheld when it escalated (none: null).
    const messages = await server.store.listMessages(correction.conversationId, {
      afterSeq: 0,
      includeInternal: true,
    });
    const withheld = messages.findLast((m) => m.role === 'bot' && m.visibility === 'internal');
    expect(correction.topic).toBe(withheld?.bot?.topic ?? null);
    const own = await review(ric, correction.id, { status: 'approved' });
    expect(own).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: /own/ } } });

    const edited = 'Yes: we engrave knives and flasks, up to 20 characters, for $6 per item.';
    const approved = await review(rita, correction.id, { status: 'approved', correctedText: edited });
    expect(approved.status).toBe(200);
    expect(approved.body.correction).toMatchObject({
      correctedText: edited,
      editDistance: editDistance(correction.original.text, edited),
      review: { status: 'approved', edited: true },
    });
    expect(approved.body.correction.editDistance).not.toBe(correction.editDistance);
    for (const question of [ENGRAVING, ENGRAVING_PARAPHRASE]) {
      const { reply } = await ask(question);
      expect(reply).toMatchObject({ role: 'bot', visibility: 'public', text: edited });
      expect(reply.bot?.confidence).toBeGreaterThanOrEqual(threshold);
    }
  });

  it('6. a rejected correction teaches nothing', async () => {
    const wrong = 'Yes, we rent every tent for $10 a day.';
    const correction = await answeredByRic(RENTAL, wrong);
    const editedReject = await review(rita, correction.id, { status: 'rejected', correctedText: 'No.' });
    expect(editedReject).toMatchObject({ status: 400, body: { error: { code: 'invalid_payload' } } });
    const rejected = await review(rita, correction.id, { status: 'rejected', note: 'we do not rent' });
    expect(rejected.body.correction.review).toMatchObject({ status: 'rejected', edited: false });

    const { reply, conversationId } = await ask(RENTAL);
    expect(reply.notice).toBe('escalated');
    const stored = await server.store.listMessages(conversationId, { afterSeq: 0, includeInternal: true });
    expect(stored.map((m) => m.text)).not.toContain(wrong);
  });

  it('6b. a reviewer deciding on a correction someone else reviewed meanwhile gets 409, and nothing changes', async () => {
    const rex = await server.createAgent({ name: 'Rex Reviewer', role: 'reviewer' });
    const before = await server.store.getCorrection(giftWrap.id);
    const stale = await review(rex, giftWrap.id, {
      status: 'rejected',
      note: 'no',
      expectedStatus: 'pending',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('already approved by Rita Reviewer'),
    });
    expect(await server.store.getCorrection(giftWrap.id)).toEqual(before);
  });

  it('7. the stats count what the reviewers did', async () => {
    const { status, body: stats } = await api<CorrectionStatsResponse>(rita.token, '/corrections/stats');
    expect(status).toBe(200);
    expect(stats).toMatchObject({
      total: 3,
      byStatus: { pending: 0, approved: 2, rejected: 1 },
      agreement: { agreed: 1, edited: 1, disagreed: 1, rate: 0.33 },
      byReason: { wrong_fact: 1, tone: 0 },
    });
    expect(Object.values(stats.byTopic).reduce((sum, n) => sum + n, 0)).toBe(3);
    expect(stats.byTopic[wrongReply.bot?.topic ?? 'unknown']).toBeGreaterThanOrEqual(1);
    expect(stats.byAgent).toEqual([
      { agent: { id: ric.agent.id, name: ric.agent.name }, total: 2, agreed: 0, edited: 1, disagreed: 1 },
      { agent: { id: ana.agent.id, name: ana.agent.name }, total: 1, agreed: 1, edited: 0, disagreed: 0 },
    ]);

    const ricOnly = await api<CorrectionStatsResponse>(
      rita.token,
      `/corrections/stats?agentId=${ric.agent.id}`,
    );
    expect(ricOnly.body).toMatchObject({
      total: 2,
      agreement: { agreed: 0, edited: 1, disagreed: 1, rate: 0 },
    });
    const approvedOnly = await api<CorrectionStatsResponse>(rita.token, '/corrections/stats?status=approved');
    expect(approvedOnly.body).toMatchObject({ total: 2, agreement: { agreed: 1, edited: 1, rate: 0.5 } });
    const list = await api<{ corrections: Correction[] }>(rita.token, '/corrections?status=any');
    expect(list.body.corrections).toHaveLength(stats.total);
    const bad = await api(rita.token, '/corrections/stats?topic=Not%20a%20topic');
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid_payload' } } });
  });
});
