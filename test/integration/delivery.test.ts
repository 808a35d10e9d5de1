import type { Message } from '@hitl/shared/models';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  connected,
  startTestServer,
  type TestServer,
  type WidgetClient,
} from '../support/test-server';
import { waitForEvent } from '../support/wait-for';

let server: TestServer;
let agent: AgentClient;

beforeAll(async () => {
  server = await startTestServer();
  agent = await server.connectAgent((await server.createAgent({ name: 'Robin' })).token);
});
afterAll(() => server.close());

/** A visitor whose conversation an agent owns, so messages flow without the bot. */
async function conversationWithAgent() {
  const visitor = await server.connectVisitor();
  const queued = waitForEvent(
    visitor.socket as never,
    'conversation:updated',
    (c: { state: string }) => c.state === 'queued',
  );
  const ack = await visitor.socket.emitWithAck('message:send', {
    clientId: crypto.randomUUID(),
    text: 'I need a human',
  });
  if (!ack.ok) throw new Error(ack.error.message);
  const conversationId = ack.data.conversation.id;
  await queued;
  const claim = await agent.emitWithAck('conversation:claim', { conversationId });
  if (!claim.ok) throw new Error(claim.error.message);
  return { ...visitor, conversationId };
}

const agentSays = (conversationId: string, text: string) =>
  agent.emitWithAck('message:send', { conversationId, clientId: crypto.randomUUID(), text });

describe('delivery guarantees', () => {
  it('a reconnecting visitor catches up on exactly what was missed, in seq order', async () => {
    const { socket, token, conversationId } = await conversationWithAgent();
    const sync = await socket.emitWithAck('conversation:sync', { conversationId, afterSeq: 0 });
    if (!sync.ok) throw new Error('sync failed');
    const lastSeen = sync.data.messages.at(-1)?.seq ?? 0;
    socket.disconnect();

    for (const text of ['first while away', 'second while away', 'third while away']) {
      expect((await agentSays(conversationId, text)).ok).toBe(true);
    }
    const again: WidgetClient = io(`${server.url}/widget`, {
      auth: { siteKey: 'demo', token },
      transports: ['websocket'],
      forceNew: true,
    });
    await connected(again as never);
    const caught = await again.emitWithAck('conversation:sync', { conversationId, afterSeq: lastSeen });
    again.disconnect();
    expect(caught.ok).toBe(true);
    if (!caught.ok) return;
    expect(caught.data.messages.map((m) => m.text)).toEqual([
      'first while away',
      'second while away',
      'third while away',
    ]);
    const seqs = caught.data.messages.map((m) => m.seq);
    expect(seqs).toEqual([lastSeen + 1, lastSeen + 2, lastSeen + 3]);
  });

  it('a visitor reloading the page (same token) gets the same conversation back', async () => {
    const { token, conversationId, socket } = await conversationWithAgent();
    socket.disconnect();
    const reloaded = await server.connectVisitor({ token });
    const sync = await reloaded.socket.emitWithAck('conversation:sync', { afterSeq: 0 });
    expect(sync.ok && sync.data.conversation?.id).toBe(conversationId);
    expect(sync.ok && sync.data.conversation?.state).toBe('agent');
  });

  it('a retried send with the same client id is stored once and answered once', async () => {
    const { socket } = await server.connectVisitor();
    const clientId = crypto.randomUUID();
    const payload = { clientId, text: 'do you ship to canada?' };
    const [a, b] = await Promise.all([
      socket.emitWithAck('message:send', payload),
      socket.emitWithAck('message:send', payload),
    ]);
    const c = await socket.emitWithAck('message:send', payload);
    if (!a.ok || !b.ok || !c.ok) throw new Error('send failed');
    expect(new Set([a.data.message.id, b.data.message.id, c.data.message.id]).size).toBe(1);
    await server.settle(socket);
    const messages = await server.store.listMessages(a.data.conversation.id, {
      afterSeq: 0,
      includeInternal: true,
    });
    expect(messages.filter((m) => m.role === 'customer')).toHaveLength(1);
    expect(messages.filter((m) => m.role === 'bot')).toHaveLength(1);
  });

  it('a visitor with two tabs sees their own messages and replies in both', async () => {
    const first = await server.connectVisitor();
    const second = await server.connectVisitor({ token: first.token });
    const inSecond = waitForEvent<Message>(
      second.socket as never,
      'message:created',
      (m) => m.role === 'bot',
    );
    await first.socket.emitWithAck('message:send', {
      clientId: crypto.randomUUID(),
      text: 'what are your store hours?',
    });
    expect((await inSecond).role).toBe('bot');
  });

  it('of two agents claiming at once exactly one wins; the other is told already_claimed', async () => {
    const visitor = await server.connectVisitor();
    const ack = await visitor.socket.emitWithAck('message:send', {
      clientId: crypto.randomUUID(),
      text: 'human please',
    });
    if (!ack.ok) throw new Error('send failed');
    const conversationId = ack.data.conversation.id;
    const other = await server.connectAgent((await server.createAgent({ name: 'Kim' })).token);
    const results = await Promise.all([
      agent.emitWithAck('conversation:claim', { conversationId }),
      other.emitWithAck('conversation:claim', { conversationId }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['already_claimed']);
    const loser = results[0]?.ok ? other : agent;
    const reply = await loser.emitWithAck('message:send', {
      conversationId,
      clientId: crypto.randomUUID(),
      text: 'hi',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_owner' } });
  });
});
