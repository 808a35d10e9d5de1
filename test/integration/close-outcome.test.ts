import type { Message } from '@hitl/shared/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  startTestServer,
  type TestServer,
  type WidgetClient,
} from '../support/test-server';
import { collectEvents, waitForEvent } from '../support/wait-for';

let server: TestServer;
let agent: AgentClient;
let other: AgentClient;

const send = (socket: WidgetClient, text: string, conversationId?: string) =>
  socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text, conversationId });

async function botConversation(): Promise<{ visitor: WidgetClient; conversationId: string }> {
  const { socket: visitor } = await server.connectVisitor();
  const reply = waitForEvent<Message>(visitor as never, 'message:created', (m) => m.role === 'bot');
  const ack = await send(visitor, 'how long does shipping take?');
  if (!ack.ok) throw new Error(ack.error.message);
  await reply;
  return { visitor, conversationId: ack.data.conversation.id };
}

beforeAll(async () => {
  server = await startTestServer();
  agent = await server.connectAgent((await server.createAgent({ name: 'Alex Agent' })).token);
  other = await server.connectAgent((await server.createAgent({ name: 'Olga Other' })).token);
});
afterAll(() => server.close());

describe('closing a conversation with an outcome', () => {
  it('closes one the bot is handling without a take-over: the customer is never told an agent joined', async () => {
    const { visitor, conversationId } = await botConversation();
    const seen = collectEvents<Message>(visitor as never, 'message:created');
    const closedNotice = waitForEvent<Message>(
      visitor as never,
      'message:created',
      (m) => m.notice === 'closed',
    );
    const ack = await agent.emitWithAck('conversation:close', {
      conversationId,
      outcome: 'no_reply_needed',
      tags: ['Shipping', 'faq', 'shipping'],
    });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.data.conversation).toMatchObject({
      state: 'closed',
      assignee: null,
      outcome: 'no_reply_needed',
      tags: ['shipping', 'faq'],
    });
    await closedNotice;
    await server.settle(visitor);
    expect(seen.map((m) => m.notice)).toEqual(['closed']);
    const stored = await server.store.listMessages(conversationId, { afterSeq: 0, includeInternal: true });
    expect(stored.some((m) => m.notice === 'agent_joined')).toBe(false);
    expect(await server.store.getConversation(conversationId)).toMatchObject({
      outcome: 'no_reply_needed',
      tags: ['shipping', 'faq'],
    });
  });

  it('defaults the outcome to resolved', async () => {
    const { conversationId } = await botConversation();
    const ack = await agent.emitWithAck('conversation:close', { conversationId });
    expect(ack.ok && ack.data.conversation).toMatchObject({ outcome: 'resolved', tags: [] });
  });

  it('refuses an unknown outcome or a malformed tag and changes nothing', async () => {
    const { conversationId } = await botConversation();
    const before = await server.store.getConversation(conversationId);
    for (const input of [
      { conversationId, outcome: 'bogus' },
      { conversationId, tags: ['not a tag!'] },
      { conversationId, tags: Array.from({ length: 9 }, (_, i) => `t${i}`) },
    ]) {
      const ack = await agent.emitWithAck('conversation:close', input as never);
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    expect(await server.store.getConversation(conversationId)).toEqual(before);
  });

  it("refuses to close another agent's conversation (not_owner), and the owner's close stores the outcome", async () => {
    const { conversationId } = await botConversation();
    expect((await agent.emitWithAck('conversation:claim', { conversationId })).ok).toBe(true);
    const refused = await other.emitWithAck('conversation:close', { conversationId, outcome: 'spam' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_owner' } });
    expect(await server.store.getConversation(conversationId)).toMatchObject({
      state: 'agent',
      outcome: null,
    });
    const ack = await agent.emitWithAck('conversation:close', { conversationId, outcome: 'duplicate' });
    expect(ack.ok && ack.data.conversation).toMatchObject({ state: 'closed', outcome: 'duplicate' });
  });
});
