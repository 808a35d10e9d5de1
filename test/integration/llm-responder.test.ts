import { sumUsage } from '@hitl/shared/conversation-usage';
import type { Conversation, Message } from '@hitl/shared/models';
import type { BotStreamDelta, BotStreamEnd } from '@hitl/shared/widget-events';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../apps/server/src/knowledge/knowledge-base';
import { buildLlmResponder } from '../../apps/server/src/responder/llm/build-llm-responder';
import { type OpenAiStub, SELF_CHECK_YES, startOpenAiStub } from '../support/openai-stub';
import { startTestServer, type TestServer, type WidgetClient } from '../support/test-server';
import { collectEvents, sleep, waitForEvent } from '../support/wait-for';

const TIMEOUT_MS = 1500;
const PRICE_IN = 0.15;
const PRICE_OUT = 0.6;

let stub: OpenAiStub;
beforeAll(async () => {
  stub = await startOpenAiStub();
});
afterAll(() => stub.close());

const llmEnv = (extra: Record<string, string> = {}) => ({
  OPENAI_API_KEY: 'sk-test',
  OPENAI_BASE_URL: stub.baseUrl,
  LLM_MODEL: 'stub-model',
  LLM_TIMEOUT_MS: String(TIMEOUT_MS),
  LLM_MAX_RETRIES: '2',
  LLM_PRICE_PER_1K_INPUT: String(PRICE_IN),
  LLM_PRICE_PER_1K_OUTPUT: String(PRICE_OUT),
  OVERSIGHT_MODE: 'supervised',
  ...extra,
});

/** A visitor asks; resolves with the bot's public reply or the escalation notice, and what was streamed. */
async function ask(server: TestServer, text: string, socket?: WidgetClient, conversationId?: string) {
  const client = socket ?? (await server.connectVisitor()).socket;
  const deltas = collectEvents<BotStreamDelta>(client as never, 'bot:stream');
  const ends = collectEvents<BotStreamEnd>(client as never, 'bot:stream-end');
  const reply = waitForEvent<Message>(
    client as never,
    'message:created',
    (m) =>
      m.role === 'bot' ||
      m.notice === 'escalated' ||
      m.notice === 'no_agent_online' ||
      m.notice === 'reviewing',
  );
  const started = Date.now();
  const ack = await client.emitWithAck('message:send', {
    clientId: crypto.randomUUID(),
    text,
    conversationId,
  });
  if (!ack.ok) throw new Error(`send failed: ${ack.error.message}`);
  const message = await reply;
  return {
    reply: message,
    ms: Date.now() - started,
    deltas,
    ends,
    socket: client,
    conversationId: ack.data.conversation.id,
  };
}

const lastRequest = () => {
  const request = stub.requests.at(-1);
  if (!request) throw new Error('the model was not called');
  return request;
};

describe('LLM responder (supervised, streaming)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(llmEnv());
    // Someone online, so escalations are announced as such.
    await server.connectAgent((await server.createAgent({ name: 'On Duty' })).token);
  });
  afterAll(() => server.close());
  beforeEach(() => stub.reset());

  it('answers from the retrieved article, cites it, and stores confidence, its parts and usage', async () => {
    const { reply } = await ask(server, 'How long does shipping take?');
    expect(reply).toMatchObject({ role: 'bot', visibility: 'public' });
    expect(reply.text).toMatch(/^Standard shipping within the US takes 3–5 business days/);
    expect(reply.text).not.toContain('[');
    expect(reply.bot).toMatchObject({
      responder: 'llm',
      modelId: 'stub-model',
      sources: [{ id: 'shipping-times' }],
    });
    expect(reply.bot?.confidence).toBeGreaterThanOrEqual(server.app.ctx.policy().confidenceThreshold);
    // The customer's copy carries no model internals; agents and the store have them.
    expect(reply.bot?.usage).toBeUndefined();
    expect(reply.bot?.confidenceParts).toBeUndefined();
    const stored = await server.store.getMessage(reply.id);
    expect(stored?.bot?.confidenceParts?.logprob).toBeCloseTo(Math.exp(-0.05), 5);
    expect(stored?.bot?.confidenceParts?.retrieval).toBeGreaterThan(0.5);
    expect(stored?.bot?.confidenceParts?.selfCheck).toBeUndefined();
    const usage = stored?.bot?.usage;
    expect(usage?.promptTokens).toBeGreaterThan(100);
    expect(usage?.completionTokens).toBeGreaterThan(5);
    const cost = ((usage?.promptTokens ?? 0) * PRICE_IN + (usage?.completionTokens ?? 0) * PRICE_OUT) / 1000;
    expect(usage?.costUsd).toBeCloseTo(cost, 6);

    const { body } = lastRequest();
    expect(body).toMatchObject({ model: 'stub-model', logprobs: true, stream: true });
    expect(body.messages[0]?.role).toBe('system');
    expect(body.messages[0]?.content).toContain('[shipping-times] How long shipping takes');
    expect(body.messages[0]?.content).toContain('Harbor & Pine');
    expect(body.messages.at(-1)).toEqual({ role: 'user', content: 'How long does shipping take?' });
  });

  it('streams the reply in order, then stores it once under the stream id', async () => {
    const { reply, deltas, ends, conversationId } = await ask(server, 'Do you ship to Canada?');
    await waitFor(() => ends.length > 0);
    expect(deltas.length).toBeGreaterThan(3);
    expect(new Set(deltas.map((d) => d.streamId))).toEqual(new Set([reply.id]));
    expect(deltas.every((d) => d.conversationId === conversationId)).toBe(true);
    expect(deltas.map((d) => d.delta).join('')).toBe(reply.text);
    expect(ends).toEqual([{ conversationId, streamId: reply.id, kept: true }]);
    const messages = await server.store.listMessages(conversationId, { afterSeq: 0, includeInternal: true });
    expect(messages.filter((m) => m.role === 'bot').map((m) => m.id)).toEqual([reply.id]);
    expect(lastRequest().body.stream_options).toEqual({ include_usage: true });
  });

  it('withdraws a streamed reply the policy does not send (stream-end kept: false) and escalates', async () => {
    stub.setFallback({ text: "I don't have information about gift wrapping, but a colleague can help." });
    const { reply, deltas, ends } = await ask(server, 'do you sell gift wrapping?');
    expect(reply.notice).toBe('escalated');
    await waitFor(() => ends.length > 0);
    expect(deltas.length).toBeGreaterThan(0);
    expect(ends).toMatchObject([{ streamId: deltas[0]?.streamId, kept: false }]);
    expect(await server.store.getMessage(deltas[0]?.streamId ?? '')).toBeNull();
    const conversation = await server.store.getConversation(reply.conversationId);
    expect(conversation?.reasons.map((r) => r.signal)).toContain('low_confidence');
  });

  it('retries a 500 and a 429 (honouring retry-after), then answers', async () => {
    stub.enqueue({ status: 500 }, { status: 429, headers: { 'retry-after': '0.4' } });
    const { reply } = await ask(server, 'What payment methods do you accept?');
    expect(reply.role).toBe('bot');
    expect(stub.requests).toHaveLength(3);
    const [, second, third] = stub.requests;
    expect((third?.at ?? 0) - (second?.at ?? 0)).toBeGreaterThanOrEqual(390);
  });

  it('a slow model escalates with model_unavailable within the time budget', async () => {
    stub.setFallback({ delayMs: 10_000 });
    const { reply, ms, ends } = await ask(server, 'How do I reset my password?');
    expect(reply.notice).toBe('escalated');
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    // The budget, not the model, ended the wait: the model was still silent, and the call was cut.
    await waitFor(() => stub.requests.length > 0 && stub.requests.every((r) => r.abandoned === true));
    const conversation = await server.store.getConversation(reply.conversationId);
    expect(conversation?.reasons.map((r) => r.signal)).toContain('model_unavailable');
    await waitFor(() => ends.length > 0);
    expect(ends[0]?.kept).toBe(false);
  });

  it('a failing model escalates with model_unavailable after its retries', async () => {
    stub.setFallback({ status: 503 });
    const { reply } = await ask(server, 'Can I change my delivery address?');
    expect(reply.notice).toBe('escalated');
    expect(stub.requests).toHaveLength(3);
    const conversation = await server.store.getConversation(reply.conversationId);
    expect(conversation?.reasons.map((r) => r.signal)).toContain('model_unavailable');
  });

  it('a stream cut in the middle is withdrawn, not retried (the customer would see it twice)', async () => {
    stub.enqueue({ failAfterChunks: 4 });
    const { reply, deltas, ends } = await ask(server, 'How do returns work?');
    expect(reply.notice).toBe('escalated');
    expect(deltas.length).toBeGreaterThan(0);
    await waitFor(() => ends.length > 0);
    expect(ends[0]?.kept).toBe(false);
    expect(stub.requests).toHaveLength(1);
  });

  it('personal data never reaches the model, neither in the question nor in the history', async () => {
    const first = await ask(server, 'Hi, I am jane.doe@example.com, where is my parcel?');
    await ask(
      server,
      'My card is 4111 1111 1111 1111, was it charged twice?',
      first.socket,
      first.conversationId,
    );
    expect(stub.requests).toHaveLength(2);
    const sent = stub.requests.map((r) => r.raw).join('\n');
    expect(sent).not.toContain('jane.doe@example.com');
    expect(sent).not.toMatch(/4111/);
    const second = stub.requests[1]?.body.messages ?? [];
    expect(second).toContainEqual({ role: 'user', content: 'Hi, I am [EMAIL], where is my parcel?' });
    // Stored masked at ingest: the model sees only the last four digits, as any agent does.
    expect(second.at(-1)).toEqual({ role: 'user', content: 'My card is •••• 1111, was it charged twice?' });
  });

  it('a conversation costs the sum of its bot replies, withheld ones included', async () => {
    const first = await ask(server, 'How long does shipping take?');
    await ask(server, 'This is awful, I will sue you!', first.socket, first.conversationId);
    const messages = await server.store.listMessages(first.conversationId, {
      afterSeq: 0,
      includeInternal: true,
    });
    const replies = messages.filter((m) => m.role === 'bot');
    expect(replies.map((m) => m.visibility)).toEqual(['public', 'internal']);
    const total = sumUsage(messages);
    expect(total).toMatchObject({
      replies: 2,
      promptTokens: (replies[0]?.bot?.usage?.promptTokens ?? 0) + (replies[1]?.bot?.usage?.promptTokens ?? 0),
    });
    expect(total.costUsd).toBeCloseTo(
      (replies[0]?.bot?.usage?.costUsd ?? 0) + (replies[1]?.bot?.usage?.costUsd ?? 0),
      6,
    );
  });

  it('an approved correction is shown to the model as an example for similar questions', async () => {
    const agent = await server.createAgent({ name: 'Ana Agent' });
    const reviewer = await server.createAgent({ name: 'Rita Reviewer', role: 'reviewer' });
    const socket = await server.connectAgent(agent.token);
    stub.setFallback({ text: 'We offer gift cards. [gift-cards]' });
    const { reply } = await ask(server, 'do you sell gift wrapping?');
    expect(reply.role).toBe('bot');
    const corrected = 'Yes! Gift wrapping is $5 per order: tick “Gift wrap” at checkout.';
    const created = await socket.emitWithAck('correction:create', {
      messageId: reply.id,
      correctedText: corrected,
      reasons: ['wrong_fact'],
    });
    if (!created.ok) throw new Error(created.error.message);
    const res = await fetch(`${server.url}/api/corrections/${created.data.correction.id}/review`, {
      method: 'POST',
      headers: { authorization: `Bearer ${reviewer.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    });
    expect(res.status).toBe(200);

    stub.reset();
    await ask(server, 'Could you gift wrap my order?');
    const messages = lastRequest().body.messages;
    const example = messages.findIndex((m) => m.content === 'do you sell gift wrapping?');
    expect(example).toBeGreaterThan(0);
    expect(messages[example]?.role).toBe('user');
    expect(messages[example + 1]).toEqual({ role: 'assistant', content: corrected });
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'Could you gift wrap my order?' });

    stub.reset();
    await ask(server, 'What are your opening hours?');
    expect(lastRequest().body.messages.map((m) => m.content)).not.toContain(corrected);
  });

  it('an article added at run time is retrieved for the very next question', async () => {
    const kayaks = {
      id: 'kayak-rental',
      title: 'Kayak rental',
      topic: 'products' as const,
      answer: 'We rent sea kayaks for $30 a day from our Portland store, paddles and vests included.',
      examples: ['Do you rent kayaks?', 'Can I hire a kayak for the weekend?', 'kayak rental price'],
    };
    stub.reset();
    await ask(server, 'Can I rent a kayak from you?');
    expect(lastRequest().raw).not.toContain('kayak-rental');
    await server.app.ctx.responder.setArticles([...loadKnowledgeBase(), kayaks]);
    stub.reset();
    await ask(server, 'Can I rent a kayak from you?');
    expect(lastRequest().raw).toContain('[kayak-rental]');
    expect(lastRequest().raw).toContain('paddles and vests included');
  });
});

describe('LLM responder (approval mode, self-check)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(llmEnv({ OVERSIGHT_MODE: 'approval', LLM_SELF_CHECK: 'true' }));
  });
  afterAll(() => server.close());
  beforeEach(() => stub.reset());

  it('streams nothing to the customer; the draft carries the self-check and the usage of both calls', async () => {
    const agent = await server.connectAgent((await server.createAgent()).token);
    const draftCreated = waitForEvent<Message>(agent as never, 'draft:created');
    const { reply, deltas } = await ask(server, 'How long does shipping take?');
    expect(reply.notice).toBe('reviewing');
    const draft = await draftCreated;
    expect(deltas).toHaveLength(0);
    expect(stub.requests).toHaveLength(2);
    const [answer, check] = stub.requests;
    expect(answer?.body.stream).toBeFalsy();
    expect(check?.body).toMatchObject({ max_tokens: 1, logprobs: true, top_logprobs: 5 });
    expect(check?.body.messages.at(-1)?.content).toContain('Proposed answer: Standard shipping');
    expect(draft.bot?.confidenceParts?.selfCheck).toBeCloseTo(SELF_CHECK_YES, 5);
    expect(draft.bot?.usage?.completionTokens).toBeGreaterThan(1);
    expect(draft.bot?.usage?.promptTokens).toBeGreaterThan(200);
  });

  it('a server that refuses logprobs is asked without them from then on', async () => {
    stub.enqueue({ status: 400, errorMessage: 'logprobs are not supported with this model' });
    const agent = await server.connectAgent((await server.createAgent()).token);
    const draftCreated = waitForEvent<Message>(agent as never, 'draft:created');
    await ask(server, 'What is your warranty?');
    const draft = await draftCreated;
    expect(stub.requests.map((r) => r.body.logprobs ?? false)).toEqual([true, false, false]);
    expect(draft.bot?.confidenceParts?.logprob).toBeUndefined();
    expect(draft.bot?.confidenceParts?.selfCheck).toBeCloseTo(0.85, 5);
    expect(draft.bot?.sources).toEqual([{ id: 'warranty', title: 'Warranty' }]);
  });
});

describe('LLM responder circuit breaker', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(llmEnv(), {
      responder: async (config) =>
        buildLlmResponder(config, loadKnowledgeBase(), {
          maxRetries: 0,
          breaker: { failureThreshold: 2, coolDownMs: 60_000 },
        }),
    });
  });
  afterAll(() => server.close());
  beforeEach(() => stub.reset());

  it('opens after 2 failures in a row; then answers fail fast without calling the model', async () => {
    const agent = await server.connectAgent((await server.createAgent()).token);
    stub.setFallback({ status: 500 });
    for (const question of ['Where is my order?', 'Can I cancel my order?']) {
      expect((await ask(server, question)).reply.notice).toBe('escalated');
    }
    expect(stub.requests).toHaveLength(2);
    stub.setFallback({});
    const escalated = waitForEvent<Conversation>(agent as never, 'conversation:escalated');
    const { reply } = await ask(server, 'How long does shipping take?');
    expect(reply.notice).toBe('escalated');
    expect((await escalated).reasons.map((r) => r.signal)).toContain('model_unavailable');
    expect(stub.requests).toHaveLength(2);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(10);
  }
}
