import type { Message } from '@hitl/shared/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintStore } from '../support/store-fingerprint';
import {
  type AgentClient,
  startTestServer,
  type TestServer,
  type WidgetClient,
} from '../support/test-server';
import { collectEvents, waitForEvent } from '../support/wait-for';

let server: TestServer;
let agent: AgentClient;
let colleague: AgentClient;
let reviewerToken: string;
let visitor: WidgetClient;
let conversationId: string;

const NOTE = 'Customer is a wholesale partner, check the B2B terms before answering';

beforeAll(async () => {
  server = await startTestServer();
  agent = await server.connectAgent((await server.createAgent({ name: 'Alex Agent' })).token);
  colleague = await server.connectAgent((await server.createAgent({ name: 'Casey Colleague' })).token);
  reviewerToken = (await server.createAgent({ role: 'reviewer' })).token;
  ({ socket: visitor } = await server.connectVisitor());
  // A question the bot cannot answer: it escalates, keeping its reply as an internal suggestion.
  const sent = await visitor.emitWithAck('message:send', {
    clientId: crypto.randomUUID(),
    text: 'Can you recommend a good car insurance company?',
  });
  if (!sent.ok) throw new Error(sent.error.message);
  conversationId = sent.data.conversation.id;
  await server.settle(visitor);
  const claim = await agent.emitWithAck('conversation:claim', { conversationId });
  if (!claim.ok) throw new Error(claim.error.message);
});
afterAll(() => server.close());

describe('internal notes', () => {
  let note: Message;
  let agentReply: Message;
  let widgetMessages: Message[] = [];

  it('are stored internal, under the author, and reach the agents watching', async () => {
    widgetMessages = collectEvents<Message>(visitor as never, 'message:created');
    const watched = await colleague.emitWithAck('conversation:watch', { conversationId, afterSeq: 0 });
    expect(watched.ok).toBe(true);
    const atColleague = waitForEvent<Message>(
      colleague as never,
      'message:created',
      (m) => m.role === 'note',
    );
    const clientId = crypto.randomUUID();
    const ack = await agent.emitWithAck('note:send', { conversationId, clientId, text: NOTE });
    if (!ack.ok) throw new Error(ack.error.message);
    note = ack.data.message;
    expect(note).toMatchObject({
      role: 'note',
      visibility: 'internal',
      text: NOTE,
      author: { name: 'Alex Agent' },
    });
    expect(await atColleague).toEqual(note);
    // A retry with the same client id returns the stored note; nothing is stored twice.
    const again = await agent.emitWithAck('note:send', { conversationId, clientId, text: NOTE });
    expect(again.ok && again.data.message.id).toBe(note.id);
    const opened = await colleague.emitWithAck('conversation:watch', { conversationId, afterSeq: 0 });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.data.messages.filter((m) => m.role === 'note')).toEqual([note]);
  });

  it('never reach the widget: the reply after the note arrives, the note did not', async () => {
    const reply = waitForEvent<Message>(visitor as never, 'message:created', (m) => m.role === 'agent');
    const sent = await agent.emitWithAck('message:send', {
      conversationId,
      clientId: crypto.randomUUID(),
      text: 'We do not sell insurance, but our shipping is insured.',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    agentReply = sent.data.message;
    await reply;
    expect(widgetMessages.map((m) => m.role)).toContain('agent');
    expect(widgetMessages.some((m) => m.id === note.id || m.text === NOTE)).toBe(false);
  });

  it('are not returned by the widget catch-up', async () => {
    const sync = await visitor.emitWithAck('conversation:sync', { conversationId, afterSeq: 0 });
    if (!sync.ok) throw new Error(sync.error.message);
    expect(sync.data.messages.map((m) => m.role)).toContain('agent');
    expect(sync.data.messages.some((m) => m.id === note.id || m.text === NOTE)).toBe(false);
    expect(sync.data.conversation?.lastSeq).toBeGreaterThan(note.seq);
  });

  it('do not count as the reply: the reply after them, marked, is the human answer; exports leave the note out', async () => {
    const marked = await agent.emitWithAck('answer:mark', { messageId: agentReply.id, marked: true });
    if (!marked.ok) throw new Error(marked.error.message);
    const corrections = await server.store.listCorrections({ status: 'any' }, { limit: 50, offset: 0 });
    const answer = corrections.find((c) => c.conversationId === conversationId && c.kind === 'human_answer');
    expect(answer?.correctedText).toMatch(/We do not sell insurance/);
    expect(JSON.stringify(answer?.context)).not.toContain(NOTE);
    for (const format of ['openai-chat', 'csv', 'trl-preference']) {
      const res = await fetch(`${server.url}/api/exports/corrections?format=${format}&status=any`, {
        headers: { authorization: `Bearer ${reviewerToken}` },
      });
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body, format).toContain('We do not sell insurance');
      expect(body, format).not.toContain('wholesale partner');
    }
  });

  it('are not found by the conversation search', async () => {
    const res = await fetch(`${server.url}/api/conversations/search?q=wholesale`, {
      headers: { authorization: `Bearer ${reviewerToken}` },
    });
    expect(((await res.json()) as { hits: unknown[] }).hits).toEqual([]);
  });

  it('refuse bad input and unknown conversations, changing nothing', async () => {
    const before = await fingerprintStore(server.store);
    const cases: [Record<string, unknown>, string][] = [
      [{ conversationId, clientId: crypto.randomUUID(), text: '   ' }, 'invalid_payload'],
      [{ conversationId, clientId: 'short', text: 'x' }, 'invalid_payload'],
      [{ conversationId, clientId: crypto.randomUUID(), text: 'x'.repeat(4001) }, 'invalid_payload'],
      [{ conversationId: { $gt: '' }, clientId: crypto.randomUUID(), text: 'x' }, 'invalid_payload'],
      [{ conversationId: 'cnv_missing', clientId: crypto.randomUUID(), text: 'x' }, 'not_found'],
    ];
    for (const [payload, code] of cases) {
      const ack = await agent.emitWithAck('note:send', payload as never);
      expect(ack.ok ? 'ok' : ack.error.code, JSON.stringify(payload).slice(0, 80)).toBe(code);
    }
    expect(await fingerprintStore(server.store)).toBe(before);
  });

  it('a client id already used for a reply is not turned into a note', async () => {
    const clientId = crypto.randomUUID();
    const sent = await agent.emitWithAck('message:send', {
      conversationId,
      clientId,
      text: 'One more thing.',
    });
    expect(sent.ok).toBe(true);
    const ack = await agent.emitWithAck('note:send', { conversationId, clientId, text: 'a note' });
    expect(ack.ok ? 'ok' : ack.error.code).toBe('conflict');
  });

  it('may be written by any agent, in a conversation they do not own', async () => {
    const ack = await colleague.emitWithAck('note:send', {
      conversationId,
      clientId: crypto.randomUUID(),
      text: 'Alex, they called about this too.',
    });
    expect(ack.ok && ack.data.message.author?.name).toBe('Casey Colleague');
    await server.settle(visitor);
  });
});
