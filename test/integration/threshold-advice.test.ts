import type { ThresholdAdviceResponse } from '@hitl/shared/threshold-advice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createId } from '../../apps/server/src/lib/ids';
import { botMeta, correctionFixture, reviewerAuthor } from '../store-contract/store-fixtures';
import { type StoreKind, storeKinds } from '../support/store-kinds';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(storeKinds)('threshold advice from the team’s own reviews (%s store)', (kind: StoreKind) => {
  let server: TestServer;
  let admin: { token: string };
  let agent: { token: string };
  beforeAll(async () => {
    server = await startTestServer(
      { CONFIDENCE_THRESHOLD: '0.86', REVIEW_THRESHOLD: '0.7' },
      { store: kind },
    );
    admin = await server.createAgent({ name: 'Ada Admin', role: 'admin' });
    agent = await server.createAgent({ name: 'Plain Agent' });
    await seed();
  });
  afterAll(() => server.close());

  /** A bot answer with this confidence and topic, in a conversation of its own. */
  async function answer(confidence: number, topic: string) {
    const { store } = server;
    const conversation = await store.createConversation({
      id: createId('cnv'),
      siteKey: 'demo',
      visitorId: createId('v'),
      createdAt: new Date().toISOString(),
    });
    const { message } = await store.appendMessage({
      id: createId('msg'),
      conversationId: conversation.id,
      clientId: null,
      role: 'bot',
      visibility: 'public',
      text: `An answer at ${confidence}`,
      author: null,
      bot: { ...botMeta, confidence, topic },
      notice: null,
      draft: null,
      createdAt: new Date().toISOString(),
    });
    return message;
  }

  async function markedRight(confidence: number, topic: string) {
    const message = await answer(confidence, topic);
    const item = await server.store.createReviewItem({
      id: createId('rev'),
      conversationId: message.conversationId,
      messageId: message.id,
      question: 'a question',
      answer: message.text,
      confidence,
      topic,
      reasons: [],
      createdAt: new Date().toISOString(),
    });
    await server.store.markReviewItem(item.id, {
      status: 'right',
      reviewer: reviewerAuthor,
      at: new Date().toISOString(),
      correctionId: null,
    });
    return message;
  }

  async function corrected(
    confidence: number,
    topic: string,
    status: 'approved' | 'rejected' | 'pending',
    message?: { id: string; conversationId: string },
  ) {
    const target = message ?? (await answer(confidence, topic));
    const correction = await server.store.createCorrection(
      correctionFixture(target.conversationId, target.id, {
        topic,
        kind: 'rewritten_reply',
        original: { text: 'x', confidence, responder: 'offline', modelId: 'm' },
        createdAt: new Date().toISOString(),
      }),
    );
    if (status === 'pending') return;
    await server.store.reviewCorrection(correction.id, {
      status,
      reviewer: reviewerAuthor,
      at: new Date().toISOString(),
      note: null,
      edited: false,
    });
  }

  /**
   * shipping: 30 right at 0.80; wrong (approved corrections) at 0.72, 0.75 (also marked right first: it
   * counts once, as wrong) and 0.78 (a correction made outside the list); a pending and a rejected
   * correction that count for nothing. returns: 3 right at 0.90.
   */
  async function seed() {
    for (let i = 0; i < 30; i++) await markedRight(0.8, 'shipping');
    await corrected(0.72, 'shipping', 'approved');
    await corrected(0.75, 'shipping', 'approved', await markedRight(0.75, 'shipping'));
    await corrected(0.78, 'shipping', 'approved');
    await corrected(0.5, 'shipping', 'pending');
    await corrected(0.55, 'shipping', 'rejected');
    for (let i = 0; i < 3; i++) await markedRight(0.9, 'returns');
  }

  const advice = async (query = '') => {
    const res = await fetch(`${server.url}/api/threshold-advice${query}`, {
      headers: { authorization: `Bearer ${agent.token}` },
    });
    return { status: res.status, body: (await res.json()) as ThresholdAdviceResponse };
  };

  const apply = (token: string, body: unknown) =>
    fetch(`${server.url}/api/admin/threshold-advice/apply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  it('gives the lowest threshold keeping 97 % answered accuracy, with the reviews it rests on', async () => {
    const { status, body } = await advice();
    expect(status).toBe(200);
    expect(body.accuracy).toBe(0.97);
    // shipping: at 0.76–0.78, 30 of 31 are right (96.8 %); from 0.79 only the 30 right ones are answered.
    expect(body.topics.find((t) => t.topic === 'shipping')).toEqual({
      topic: 'shipping',
      currentThreshold: 0.86,
      advisedThreshold: 0.79,
      reviews: 33,
      right: 30,
      wrong: 3,
      answered: 30,
      answeredAccuracy: 1,
      enough: true,
    });
    // global: with the 3 right returns answers, 33 of 34 from 0.76 (97.06 %).
    expect(body.global).toMatchObject({ advisedThreshold: 0.76, reviews: 36, answered: 34, enough: true });
    expect(body.topics.find((t) => t.topic === 'returns')).toMatchObject({
      advisedThreshold: 0.9,
      reviews: 3,
      enough: false,
    });
  });

  it('takes the accuracy chosen', async () => {
    const { body } = await advice('?accuracy=0.95');
    expect(body.topics.find((t) => t.topic === 'shipping')?.advisedThreshold).toBe(0.76);
    expect((await advice('?accuracy=2')).status).toBe(400);
  });

  it('applies a topic’s advice through the policy update, audited, and refuses what it must', async () => {
    expect((await apply(agent.token, { topic: 'shipping' })).status).toBe(403);
    const tooFew = await apply(admin.token, { topic: 'returns' });
    expect(tooFew.status).toBe(409);
    expect(((await tooFew.json()) as { error: { message: string } }).error.message).toContain('3 reviews');
    expect((await apply(admin.token, { topic: 'Not A Topic' })).status).toBe(400);

    const res = await apply(admin.token, { topic: 'shipping' });
    expect(res.status).toBe(200);
    expect(server.app.ctx.policy().topics.shipping?.confidenceThreshold).toBe(0.79);
    expect(server.app.ctx.policy().confidenceThreshold).toBe(0.86);

    const audit = (await (
      await fetch(`${server.url}/api/admin/audit`, { headers: { authorization: `Bearer ${admin.token}` } })
    ).json()) as { events: { action: string; actor: { name: string }; data: Record<string, unknown> }[] };
    const event = audit.events.find((e) => e.action === 'policy.updated');
    expect(event?.actor.name).toBe('Ada Admin');
    expect(event?.data).toMatchObject({
      changed: ['topics'],
      advice: { topic: 'shipping', from: 0.86, to: 0.79, accuracy: 0.97, reviews: 33 },
    });
  });

  it('applies the global advice, keeping the review threshold under it', async () => {
    const res = await apply(admin.token, { topic: null });
    expect(res.status).toBe(200);
    expect(server.app.ctx.policy()).toMatchObject({ confidenceThreshold: 0.76, reviewThreshold: 0.7 });
    const stored = await server.store.getSetting('escalation-policy');
    expect(stored?.value).toMatchObject({ confidenceThreshold: 0.76 });
  });
});
