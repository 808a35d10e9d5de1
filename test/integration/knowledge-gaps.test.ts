import type { KnowledgeArticle, KnowledgeGapsResponse } from '@hitl/shared/knowledge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  botMeta,
  botReplyFixture,
  conversationFixture,
  correctionFixture,
  messageFixture,
  reviewerAuthor,
} from '../store-contract/store-fixtures';
import { askAsCustomer, callApi, type Login } from '../support/knowledge-api';
import { type StoreKind, storeKinds } from '../support/store-kinds';
import { type AgentClient, startTestServer, type TestServer } from '../support/test-server';

const TENTS = ['do you rent tents?', 'Can I rent a tent from you?', 'can i rent tents', 'do you rent tents?'];
const TENTS_ANSWER = 'We do not rent tents, but our partner CampCo does: campco.example/rentals.';
const ENGRAVING = 'do you offer engraving on knives?';

describe.each(storeKinds)('knowledge gaps (%s store)', (kind: StoreKind) => {
  let server: TestServer;
  let rui: Login & { socket: AgentClient };
  let ana: Login;
  const api = <T>(who: Login, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
    callApi<T>(server.url, who.token, method, path, body);
  const gaps = async () => (await api<KnowledgeGapsResponse>(ana, 'GET', '/knowledge/gaps?days=7')).body;

  /** A customer asks; the bot escalates for low confidence; Rui claims and answers (when given an answer). */
  async function escalatedAndAnswered(question: string, answer: string | null): Promise<void> {
    const { socket } = await server.connectVisitor();
    const { reply, conversationId } = await askAsCustomer(socket, question);
    expect(reply.notice, question).toBe('escalated');
    const conversation = await server.store.getConversation(conversationId);
    expect(conversation?.reasons.map((r) => r.signal)).toContain('low_confidence');
    if (answer === null) return;
    const claim = await rui.socket.emitWithAck('conversation:claim', { conversationId });
    expect(claim.ok).toBe(true);
    const sent = await rui.socket.emitWithAck('message:send', {
      conversationId,
      clientId: crypto.randomUUID(),
      text: answer,
    });
    expect(sent.ok).toBe(true);
  }

  beforeAll(async () => {
    server = await startTestServer({}, { store: kind });
    const login = await server.createAgent({ name: 'Rui Reviewer', role: 'reviewer' });
    rui = { ...login, socket: await server.connectAgent(login.token) };
    ana = await server.createAgent({ name: 'Ana Agent', role: 'agent' });
  });
  afterAll(() => server?.close());

  it('has no gaps before any customer asked', async () => {
    expect(await gaps()).toMatchObject({ scanned: 0, gaps: [] });
  });

  it('groups escalated questions by similarity, most frequent first, with the agents’ answers', async () => {
    for (const [i, question] of TENTS.entries())
      await escalatedAndAnswered(question, i < 3 ? TENTS_ANSWER : null);
    await escalatedAndAnswered(ENGRAVING, 'Yes, engraving is $10.');
    const { body } = await callApi<{ reply: unknown }>(
      server.url,
      ana.token,
      'GET',
      '/knowledge/gaps?days=7',
    );
    const result = body as unknown as KnowledgeGapsResponse;
    expect(result.scanned).toBe(5);
    const [first, second] = result.gaps;
    expect(first).toMatchObject({ count: 4, agentAnswers: [{ text: TENTS_ANSWER, count: 3 }] });
    expect(TENTS).toContain(first?.typicalQuestion);
    expect(first?.questions.map((q) => q.text).sort()).toEqual([...new Set(TENTS)].sort());
    expect(second).toMatchObject({ count: 1, typicalQuestion: ENGRAVING, questions: [{ text: ENGRAVING }] });
    expect(result.gaps).toHaveLength(2);
  });

  it('refuses a bad period', async () => {
    for (const days of ['0', '400', 'week']) {
      const res = await api(ana, 'GET', `/knowledge/gaps?days=${days}`);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('invalid_payload');
    }
  });

  it('a group turned into an article, or into examples of one, leaves the gaps', async () => {
    const [tents] = (await gaps()).gaps;
    const created = await api<{ article: KnowledgeArticle }>(rui, 'POST', '/knowledge/articles', {
      title: tents?.typicalQuestion,
      topic: 'products',
      answer: tents?.agentAnswers[0]?.text,
      examples: tents?.questions.map((q) => q.text),
    });
    expect(created.status).toBe(201);
    expect((await gaps()).gaps.map((g) => g.typicalQuestion)).toEqual([ENGRAVING]);

    const care = (await api<{ article: KnowledgeArticle }>(ana, 'GET', '/knowledge/articles/product-care'))
      .body.article;
    const added = await api<{ article: KnowledgeArticle }>(rui, 'PUT', '/knowledge/articles/product-care', {
      title: care.title,
      topic: care.topic,
      answer: care.answer,
      examples: [...care.examples, ENGRAVING],
      expectedVersion: care.version,
    });
    expect(added.status).toBe(200);
    expect((await gaps()).gaps).toEqual([]);

    const { socket } = await server.connectVisitor();
    expect((await askAsCustomer(socket, 'Can I rent a tent?')).reply.text).toBe(TENTS_ANSWER);
  });

  it('counts low confidence and corrections only: not a reply withheld for another reason, not a rejected correction', async () => {
    const now = Date.now();
    const threshold = server.app.ctx.policy().confidenceThreshold;
    /** A customer question and the bot's withheld reply, `minutesAgo`. */
    const asked = async (text: string, confidence: number, minutesAgo: number) => {
      const conversation = await server.store.createConversation(conversationFixture());
      const time = (offset: number) => new Date(now - minutesAgo * 60_000 + offset).toISOString();
      await server.store.appendMessage(messageFixture(conversation.id, { text, createdAt: time(0) }));
      const { message } = await server.store.appendMessage(
        botReplyFixture(conversation.id, {
          visibility: 'internal',
          bot: { ...botMeta, topic: null, confidence },
          createdAt: time(1),
        }),
      );
      return { conversation, message };
    };
    await asked('is the lake warm in june', Math.min(1, threshold + 0.05), 5);
    await asked('do you sell kayaks', threshold - 0.3, 6);
    const rejected = await asked('do you sell canoes', 0.99, 7);
    const correction = await server.store.createCorrection(
      correctionFixture(rejected.conversation.id, rejected.message.id, {
        context: [{ role: 'customer', text: 'do you sell canoes' }],
        createdAt: new Date(now - 60_000).toISOString(),
      }),
    );
    await server.store.reviewCorrection(correction.id, {
      status: 'rejected',
      reviewer: reviewerAuthor,
      at: new Date(now).toISOString(),
      note: null,
      edited: false,
    });
    const pending = await asked('do you sell paddles', 0.99, 8);
    await server.store.createCorrection(
      correctionFixture(pending.conversation.id, pending.message.id, {
        context: [{ role: 'customer', text: 'do you sell paddles' }],
        correctedText: 'Yes, from $30.',
        createdAt: new Date(now - 60_000).toISOString(),
      }),
    );
    const result = await gaps();
    expect(result.gaps.map((g) => [g.typicalQuestion, g.questions[0]?.source])).toEqual(
      expect.arrayContaining([
        ['do you sell kayaks', 'low_confidence'],
        ['do you sell paddles', 'corrected'],
      ]),
    );
    expect(result.gaps).toHaveLength(2);
    expect(result.gaps.find((g) => g.typicalQuestion === 'do you sell paddles')?.agentAnswers).toEqual([
      { text: 'Yes, from $30.', count: 1 },
    ]);
  });
});
