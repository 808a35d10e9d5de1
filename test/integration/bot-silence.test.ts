import path from 'node:path';
import type { Message } from '@hitl/shared/models';
import type { BotStreamDelta, BotStreamEnd } from '@hitl/shared/widget-events';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../apps/server/src/store/sqlite-store';
import {
  connectAgentSocket,
  connectWidgetSocket,
  loginAgentOver,
  openVisitorSession,
  type WidgetClient,
} from '../support/clients';
import { type OpenAiStub, startOpenAiStub } from '../support/openai-stub';
import type { ServerProcess } from '../support/server-process';
import { startTestServer, type TestServer } from '../support/test-server';
import { startTwoNodes, type TwoNodes } from '../support/two-nodes';
import { collectEvents, waitForEvent } from '../support/wait-for';

/** Long enough that the claim below is acknowledged while the model is still "thinking". */
const THINKING_MS = 3000;
const QUESTION = 'How long does a refund take?';

let stub: OpenAiStub;
beforeAll(async () => {
  stub = await startOpenAiStub();
});
afterAll(() => stub.close());
beforeEach(() => stub.reset());

const llmEnv = () => ({
  OPENAI_API_KEY: 'sk-test',
  OPENAI_BASE_URL: stub.baseUrl,
  LLM_MODEL: 'stub-model',
  LLM_TIMEOUT_MS: '20000',
  OVERSIGHT_MODE: 'supervised',
});

/** What the customer's widget receives, in order. */
function watchCustomer(socket: WidgetClient) {
  return {
    messages: collectEvents<Message>(socket as never, 'message:created'),
    deltas: collectEvents<BotStreamDelta>(socket as never, 'bot:stream'),
    ends: collectEvents<BotStreamEnd>(socket as never, 'bot:stream-end'),
  };
}

/** The bot messages that came after "agent joined"; fails when nobody joined. */
function botAfterJoin(messages: Message[]): Message[] {
  const joined = messages.findIndex((m) => m.notice === 'agent_joined');
  expect(joined).toBeGreaterThanOrEqual(0);
  return messages.slice(joined).filter((m) => m.role === 'bot');
}

describe('the bot stays silent once an agent claims, on one node', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(llmEnv());
  });
  afterAll(() => server.close());

  it('a claim is acknowledged while the model thinks, and its late answer is dropped', async () => {
    const agent = await server.connectAgent((await server.createAgent({ name: 'Quick' })).token);
    const { socket } = await server.connectVisitor();
    const customer = watchCustomer(socket);
    // The stub's default reply: the first article's first sentence, cited, so the bot would send it as it is.
    stub.enqueue({ delayMs: THINKING_MS });

    const sent = await socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text: QUESTION });
    if (!sent.ok) throw new Error(sent.error.message);
    const conversationId = sent.data.conversation.id;
    await stub.whenRequested(1);
    const claim = await agent.emitWithAck('conversation:claim', { conversationId });

    expect(claim.ok && claim.data.conversation.state).toBe('agent');
    // The claim did not wait behind the model: the stub had not begun to answer when it was acked.
    expect(stub.requests[0]?.answered).not.toBe(true);

    await server.settle(socket);
    // The turn finished (settle waited for it): the model did answer, and the answer was refused.
    expect(stub.requests[0]?.answered).toBe(true);
    expect(botAfterJoin(customer.messages)).toEqual([]);
    expect(customer.deltas).toEqual([]);
    expect(customer.ends.every((end) => !end.kept)).toBe(true);
    const stored = await server.store.listMessages(conversationId, { afterSeq: 0, includeInternal: true });
    expect(stored.filter((m) => m.role === 'bot')).toEqual([]);
    expect((await server.store.getConversation(conversationId))?.state).toBe('agent');
  });
});

describe('the bot stays silent once an agent claims on another node', () => {
  const ADMIN = { email: 'admin@example.com', password: 'two-nodes-silence-password' };
  let nodes: TwoNodes;
  let nodeA: ServerProcess;
  let nodeB: ServerProcess;

  beforeAll(async () => {
    // One SQLite file shared by both processes (WAL), one Redis, one model endpoint.
    nodes = await startTwoNodes(ADMIN.password, llmEnv());
    ({ nodeA, nodeB } = nodes);
  });

  afterAll(() => nodes?.stop());

  it('the model answers slowly on node A, the agent claims on node B: no bot message after "agent joined"', async () => {
    const visitorToken = (await openVisitorSession(nodeA.url)).token;
    const visitor = await connectWidgetSocket(nodeA.url, visitorToken);
    nodes.track(visitor);
    const customer = watchCustomer(visitor);
    const { token } = await loginAgentOver(nodeB.url, ADMIN.email, ADMIN.password);
    const agent = await connectAgentSocket(nodeB.url, token);
    nodes.track(agent);
    // The stub's default reply: the first article's first sentence, cited, so the bot would send it as it is.
    stub.enqueue({ delayMs: THINKING_MS });

    const sent = await visitor.emitWithAck('message:send', { clientId: crypto.randomUUID(), text: QUESTION });
    if (!sent.ok) throw new Error(sent.error.message);
    const conversationId = sent.data.conversation.id;
    await stub.whenRequested(1);
    const joined = waitForEvent<Message>(
      visitor as never,
      'message:created',
      (m) => m.notice === 'agent_joined',
    );
    const claim = await agent.emitWithAck('conversation:claim', { conversationId });
    expect(claim.ok && claim.data.conversation.state).toBe('agent');
    expect(stub.requests[0]?.answered).not.toBe(true);
    await joined;

    // Node A's turn ends when its preview is closed: not kept, since the store refused the answer.
    const end = await waitForEvent<BotStreamEnd>(
      visitor as never,
      'bot:stream-end',
      () => true,
      4 * THINKING_MS,
    );
    expect(end.kept).toBe(false);
    // A round trip on the customer's socket after the end: everything node A emitted before has arrived.
    const synced = await visitor.emitWithAck('conversation:sync', { conversationId, afterSeq: 0 });
    if (!synced.ok) throw new Error(synced.error.message);
    expect(botAfterJoin(customer.messages)).toEqual([]);
    expect(customer.deltas).toEqual([]);
    expect(synced.data.messages.filter((m) => m.role === 'bot')).toEqual([]);
    // Nor does the shared store hold one, internal or not.
    const store = await createSqliteStore({ file: path.join(nodes.dataDir, 'support.db') });
    try {
      const stored = await store.listMessages(conversationId, { afterSeq: 0, includeInternal: true });
      expect(stored.filter((m) => m.role === 'bot')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
