import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Conversation, Message } from '@hitl/shared/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveReviewThreshold } from '../../apps/server/src/domain/escalation';
import {
  type AgentClient,
  startTestServer,
  type TestServer,
  type WidgetClient,
} from '../support/test-server';
import { collectEvents, waitForEvent } from '../support/wait-for';

const run = promisify(execFile);
let server: TestServer;
let agent: AgentClient;
let agentName: string;

const send = (socket: WidgetClient, text: string, conversationId?: string) =>
  socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text, conversationId });

const botReply = (socket: WidgetClient) =>
  waitForEvent<Message>(socket as never, 'message:created', (m) => m.role === 'bot' || m.role === 'system');

beforeAll(async () => {
  server = await startTestServer();
  const login = await server.createAgent({ name: 'Alex Agent' });
  agentName = login.agent.name;
  agent = await server.connectAgent(login.token);
});
afterAll(() => server.close());

describe('a customer conversation from the widget to the console and back', () => {
  let visitor: WidgetClient;
  let conversationId: string;
  let shippingReply: Message;

  it('1. answers a known question as the assistant', async () => {
    ({ socket: visitor } = await server.connectVisitor());
    const reply = botReply(visitor);
    const ack = await send(visitor, 'how long does shipping take?');
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    conversationId = ack.data.conversation.id;
    expect(ack.data.message).toMatchObject({
      role: 'customer',
      seq: 1,
      text: 'how long does shipping take?',
    });
    shippingReply = await reply;
    expect(shippingReply.role).toBe('bot');
    expect(shippingReply.text).toMatch(/business days/i);
    expect(shippingReply.bot?.confidence).toBeGreaterThanOrEqual(server.app.ctx.policy().confidenceThreshold);
    expect(shippingReply.bot?.sources.length).toBeGreaterThan(0);
  });

  it('2. escalates a question it cannot answer, with the reason and its value, live to agents', async () => {
    const escalated = waitForEvent<Conversation>(
      agent as never,
      'conversation:escalated',
      (c) => c.id === conversationId,
    );
    const notice = waitForEvent<Message>(visitor as never, 'message:created', (m) => m.role === 'system');
    const state = waitForEvent<{ state: string }>(
      visitor as never,
      'conversation:updated',
      (c) => c.state === 'queued',
    );
    const ack = await send(visitor, 'Can you recommend a good car insurance company?', conversationId);
    expect(ack.ok).toBe(true);
    const conversation = await escalated;
    expect(conversation.state).toBe('queued');
    expect(conversation.reasons).toHaveLength(1);
    const reason = conversation.reasons[0];
    expect(reason?.signal).toBe('low_confidence');
    const policy = server.app.ctx.policy();
    // Below the review threshold (the lower band) it escalates: the topic's when it has one, else the global.
    expect(reason?.value).toBeLessThan(policy.reviewThreshold ?? policy.confidenceThreshold);
    expect(reason?.threshold).toBeGreaterThanOrEqual(policy.reviewThreshold ?? policy.confidenceThreshold);
    expect(reason?.value).toBeLessThan(reason?.threshold ?? 0);
    expect((await notice).notice).toBe('escalated');
    await state;
    // The withheld guess is kept for agents only.
    const all = await server.store.listMessages(conversationId, { afterSeq: 0, includeInternal: true });
    const withheld = all.filter((m) => m.role === 'bot' && m.visibility === 'internal');
    expect(withheld).toHaveLength(1);
    // Below the review threshold of the answer's topic (its own when it sets one, else the global one).
    expect(reason?.threshold).toBe(
      resolveReviewThreshold(server.app.ctx.policy(), withheld[0]?.bot?.topic ?? null),
    );
    const list = await agent.emitWithAck('conversation:list', { states: ['queued'] });
    expect(list.ok && list.data.conversations.map((c) => c.id)).toContain(conversationId);
  });

  it('2b. escalates when the customer asks for a person, whatever the confidence', async () => {
    const { socket } = await server.connectVisitor();
    const escalated = waitForEvent<Conversation>(agent as never, 'conversation:escalated', (c) =>
      c.reasons.some((r) => r.signal === 'customer_request'),
    );
    await send(socket, 'I want to talk to a person');
    const conversation = await escalated;
    expect(conversation.reasons[0]).toMatchObject({ signal: 'customer_request', value: 1 });
  });

  it('3. an agent claims, sees confidences, and replies live under their name; the bot stays silent', async () => {
    const joined = waitForEvent<Message>(
      visitor as never,
      'message:created',
      (m) => m.notice === 'agent_joined',
    );
    const claim = await agent.emitWithAck('conversation:claim', { conversationId });
    expect(claim.ok && claim.data.conversation).toMatchObject({
      state: 'agent',
      assignee: { name: agentName },
    });
    expect((await joined).text).toContain(agentName);

    const watch = await agent.emitWithAck('conversation:watch', { conversationId, afterSeq: 0 });
    expect(watch.ok).toBe(true);
    if (!watch.ok) return;
    const bots = watch.data.messages.filter((m) => m.role === 'bot');
    expect(bots.length).toBeGreaterThanOrEqual(2);
    for (const m of bots) expect(m.bot?.confidence).toEqual(expect.any(Number));

    const reply = waitForEvent<Message>(visitor as never, 'message:created', (m) => m.role === 'agent');
    const sent = await agent.emitWithAck('message:send', {
      conversationId,
      clientId: crypto.randomUUID(),
      text: 'Hi! We sell outdoor gear, not insurance, but I can help with your order.',
    });
    expect(sent.ok).toBe(true);
    const received = await reply;
    expect(received.author?.name).toBe(agentName);

    const botMessages = collectEvents<Message>(visitor as never, 'message:created');
    const ack = await send(visitor, 'what payment methods do you accept?', conversationId);
    expect(ack.ok).toBe(true);
    await server.settle(visitor);
    expect(botMessages.filter((m) => m.role === 'bot')).toHaveLength(0);
  });

  it('4. an agent corrects a bot reply; the correction keeps its provenance', async () => {
    const ack = await agent.emitWithAck('correction:create', {
      messageId: shippingReply.id,
      correctedText: 'Standard shipping takes 3–5 business days; express takes 1–2 business days.',
      reasons: ['incomplete'],
      note: 'mention express',
      timeSpentMs: 4200,
    });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    const stored = await server.store.getCorrection(ack.data.correction.id);
    expect(stored).toMatchObject({
      conversationId,
      messageId: shippingReply.id,
      kind: 'rewritten_reply',
      reasons: ['incomplete'],
      note: 'mention express',
      timeSpentMs: 4200,
      agent: { name: agentName },
      original: {
        text: shippingReply.text,
        confidence: shippingReply.bot?.confidence,
        responder: 'offline',
        modelId: shippingReply.bot?.modelId,
      },
      review: { status: 'pending', reviewer: null },
    });
    expect(stored?.context.at(-1)).toEqual({ role: 'customer', text: 'how long does shipping take?' });
    expect(stored?.editDistance).toBeGreaterThan(0);
    expect((await server.store.getMessage(shippingReply.id))?.correctionId).toBe(stored?.id);
    const again = await agent.emitWithAck('correction:create', {
      messageId: shippingReply.id,
      correctedText: 'x',
      reasons: ['tone'],
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('4b. the agent’s answer to the escalated question becomes a human_answer example once marked', async () => {
    const ofConversation = async () =>
      (await server.store.listCorrections({ status: 'any', kind: 'human_answer' })).filter(
        (c) => c.conversationId === conversationId,
      );
    expect(await ofConversation()).toHaveLength(0);
    const messages = await server.store.listMessages(conversationId, { afterSeq: 0, includeInternal: false });
    const answer = messages.find((m) => m.role === 'agent');
    if (!answer) throw new Error('the agent reply is missing');
    const marked = await agent.emitWithAck('answer:mark', { messageId: answer.id, marked: true });
    expect(marked.ok).toBe(true);
    const mine = await ofConversation();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      kind: 'human_answer',
      correctedText: 'Hi! We sell outdoor gear, not insurance, but I can help with your order.',
      agent: { name: agentName },
    });
    expect(mine[0]?.context.at(-1)).toEqual({
      role: 'customer',
      text: 'Can you recommend a good car insurance company?',
    });
    expect(mine[0]?.original.text).not.toBe('');
  });

  it('5. hands back to the bot, which answers the next question without re-escalating on old turns', async () => {
    const back = waitForEvent<Message>(
      visitor as never,
      'message:created',
      (m) => m.notice === 'handed_back',
    );
    const handback = await agent.emitWithAck('conversation:handback', { conversationId });
    expect(handback.ok && handback.data.conversation.state).toBe('bot');
    await back;
    const reply = waitForEvent<Message>(visitor as never, 'message:created', (m) => m.role === 'bot');
    await send(visitor, 'What is the warranty on your tents?', conversationId);
    expect((await reply).text).toMatch(/warrant/i);
    expect((await server.store.getConversation(conversationId))?.state).toBe('bot');
  });

  it('5b. closes the conversation; the customer is told', async () => {
    const closed = waitForEvent<Message>(visitor as never, 'message:created', (m) => m.notice === 'closed');
    const result = await agent.emitWithAck('conversation:close', { conversationId });
    expect(result.ok && result.data.conversation.state).toBe('closed');
    await closed;
    const next = await send(visitor, 'hello again', conversationId);
    expect(next.ok && next.data.conversation.id).not.toBe(conversationId);
  });

  it('6. the export command writes OpenAI chat JSONL ending with the corrected reply', async () => {
    const out = path.join(server.dataDir, 'corrections.jsonl');
    const cli = path.resolve('apps/server/src/cli/main.ts');
    const { stderr } = await run(
      process.execPath,
      ['--import', 'tsx', cli, 'export', '--status', 'any', '--kind', 'rewritten_reply', '--out', out],
      {
        env: { ...process.env, DATA_DIR: server.dataDir, LOG_LEVEL: 'silent' },
      },
    );
    expect(stderr).toContain('Exported 1 corrections as openai-chat');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    for (const line of lines) {
      const record = JSON.parse(line) as { messages: { role: string; content: string }[] };
      expect(record.messages[0]?.role).toBe('system');
      expect(record.messages.at(-2)).toEqual({ role: 'user', content: 'how long does shipping take?' });
      expect(record.messages.at(-1)).toEqual({
        role: 'assistant',
        content: 'Standard shipping takes 3–5 business days; express takes 1–2 business days.',
      });
    }
  });
});
