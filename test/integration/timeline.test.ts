import { timelineResponseSchema } from '@hitl/shared/conversation-timeline';
import type { Message } from '@hitl/shared/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  startTestServer,
  type TestServer,
  type WidgetClient,
} from '../support/test-server';
import { waitForEvent } from '../support/wait-for';

let server: TestServer;
let ana: { id: string; token: string; socket: AgentClient };
let bo: { id: string; socket: AgentClient };

const send = (socket: WidgetClient, text: string, conversationId?: string) =>
  socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text, conversationId });

async function timeline(conversationId: string) {
  const res = await fetch(`${server.url}/api/conversations/${conversationId}/timeline`, {
    headers: { authorization: `Bearer ${ana.token}` },
  });
  expect(res.status).toBe(200);
  return timelineResponseSchema.parse(await res.json()).events;
}

beforeAll(async () => {
  server = await startTestServer();
  const a = await server.createAgent({ name: 'Ana' });
  const b = await server.createAgent({ name: 'Bo' });
  ana = { id: a.agent.id, token: a.token, socket: await server.connectAgent(a.token) };
  bo = { id: b.agent.id, socket: await server.connectAgent(b.token) };
});
afterAll(() => server.close());

describe('the conversation timeline', () => {
  it('keeps escalations with their reasons, claims, transfers, corrections, hand-backs and the close', async () => {
    const { socket: visitor } = await server.connectVisitor();
    const answered = waitForEvent<Message>(visitor as never, 'message:created', (m) => m.role === 'bot');
    const first = await send(visitor, 'how long does shipping take?');
    if (!first.ok) throw new Error(first.error.message);
    const conversationId = first.data.conversation.id;
    const botReply = await answered;
    await send(visitor, 'I want to talk to a human please', conversationId);
    await server.settle(visitor);

    expect((await ana.socket.emitWithAck('conversation:claim', { conversationId })).ok).toBe(true);
    expect(
      (await ana.socket.emitWithAck('conversation:transfer', { conversationId, toAgentId: bo.id })).ok,
    ).toBe(true);
    const corrected = await bo.socket.emitWithAck('correction:create', {
      messageId: botReply.id,
      correctedText: 'Standard shipping takes 3 to 5 business days.',
      reasons: ['incomplete'],
    });
    expect(corrected.ok).toBe(true);
    const handedBack = await bo.socket.emitWithAck('conversation:handback', { conversationId });
    expect(handedBack.ok && handedBack.data.conversation).toMatchObject({ reasons: [], escalatedAt: null });

    // The conversation forgot why it was escalated; the timeline did not.
    const afterHandBack = await timeline(conversationId);
    expect(afterHandBack.map((e) => e.kind)).toEqual([
      'escalated',
      'claimed',
      'transferred',
      'corrected',
      'handed_back',
    ]);
    expect(afterHandBack[0]?.reasons?.map((r) => r.signal)).toContain('customer_request');
    expect(afterHandBack[1]?.actor?.name).toBe('Ana');
    expect(afterHandBack[2]).toMatchObject({
      actor: { name: 'Ana' },
      from: { name: 'Ana' },
      to: { name: 'Bo' },
    });
    expect(afterHandBack[3]).toMatchObject({ actor: { name: 'Bo' }, messageId: botReply.id });
    expect(afterHandBack[4]?.actor?.name).toBe('Bo');

    await ana.socket.emitWithAck('conversation:close', {
      conversationId,
      outcome: 'resolved',
      tags: ['shipping'],
    });
    const all = await timeline(conversationId);
    expect(all.at(-1)).toMatchObject({
      kind: 'closed',
      actor: { name: 'Ana' },
      outcome: 'resolved',
      tags: ['shipping'],
    });
    expect(all.map((e) => Date.parse(e.at))).toEqual(
      [...all.map((e) => Date.parse(e.at))].sort((x, y) => x - y),
    );
  });

  it('answers not_found for an unknown conversation and invalid_payload for a malformed id', async () => {
    const headers = { authorization: `Bearer ${ana.token}` };
    expect((await fetch(`${server.url}/api/conversations/cnv_missing/timeline`, { headers })).status).toBe(
      404,
    );
    expect(
      (await fetch(`${server.url}/api/conversations/${'x'.repeat(80)}/timeline`, { headers })).status,
    ).toBe(400);
  });
});

describe('the timeline in approval mode', () => {
  let approval: TestServer;
  afterAll(() => approval?.close());

  it('records a held draft with why, and its review', async () => {
    approval = await startTestServer({ OVERSIGHT_MODE: 'approval' });
    const login = await approval.createAgent({ name: 'Rui' });
    const agent = await approval.connectAgent(login.token);
    const drafted = waitForEvent<Message>(agent as never, 'draft:created');
    const { socket: visitor } = await approval.connectVisitor();
    const sent = await send(visitor, 'how long does shipping take?');
    if (!sent.ok) throw new Error(sent.error.message);
    const draft = await drafted;
    expect((await agent.emitWithAck('draft:approve', { messageId: draft.id })).ok).toBe(true);
    const res = await fetch(`${approval.url}/api/conversations/${sent.data.conversation.id}/timeline`, {
      headers: { authorization: `Bearer ${login.token}` },
    });
    const events = timelineResponseSchema.parse(await res.json()).events;
    expect(events.map((e) => e.kind)).toEqual(['draft_held', 'draft_reviewed']);
    expect(events[0]).toMatchObject({ actor: null, messageId: draft.id });
    expect(events[0]?.reasons).toEqual(draft.draft?.reasons);
    expect(events[1]).toMatchObject({ actor: { name: 'Rui' }, decision: 'approved', messageId: draft.id });
  });
});
