import type { Message } from '@hitl/shared/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StoreKind, storeKinds } from '../support/store-kinds';
import { startTestServer, type TestServer, type WidgetClient } from '../support/test-server';
import { waitForEvent } from '../support/wait-for';

describe.each(storeKinds)('concurrency on the %s store', (kind: StoreKind) => {
  let server: TestServer;

  beforeAll(async () => {
    // 500 sends from one visitor in a burst is a load test, not a customer: the message limits are off here.
    server = await startTestServer(
      { RATE_LIMIT_MESSAGE_VISITOR: 'off', RATE_LIMIT_MESSAGE_IP: 'off' },
      { store: kind },
    );
  });
  afterAll(() => server?.close());

  async function queuedConversation(visitor: WidgetClient): Promise<string> {
    const queued = waitForEvent(
      visitor as never,
      'conversation:updated',
      (c: { state: string }) => c.state === 'queued',
    );
    const ack = await visitor.emitWithAck('message:send', {
      clientId: crypto.randomUUID(),
      text: 'human please',
    });
    if (!ack.ok) throw new Error(ack.error.message);
    await queued;
    return ack.data.conversation.id;
  }

  it('50 agents claim one conversation at once: exactly one wins, the rest get already_claimed', async () => {
    const { socket } = await server.connectVisitor();
    const conversationId = await queuedConversation(socket);
    const agents = await Promise.all(
      Array.from({ length: 50 }, async (_, i) =>
        server.connectAgent((await server.createAgent({ name: `Agent ${i}` })).token),
      ),
    );
    const results = await Promise.all(
      agents.map((a) => a.emitWithAck('conversation:claim', { conversationId })),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const codes = results.flatMap((r) => (r.ok ? [] : [r.error.code]));
    expect(codes).toEqual(Array(49).fill('already_claimed'));
    const stored = await server.store.getConversation(conversationId);
    expect(stored?.state).toBe('agent');
    expect(stored?.assignee?.id).toBe(winners[0]?.ok ? winners[0].data.conversation.assignee?.id : undefined);
    const joined = (
      await server.store.listMessages(conversationId, { afterSeq: 0, includeInternal: true })
    ).filter((m) => m.notice === 'agent_joined');
    expect(joined).toHaveLength(1);
    for (const a of agents) a.disconnect();
  });

  it('500 concurrent sends from 10 sockets into one conversation: seq unique, gap-free, in order; retries never duplicate', async () => {
    const first = await server.connectVisitor();
    const conversationId = await queuedConversation(first.socket);
    const agent = await server.connectAgent((await server.createAgent({ name: 'Owner' })).token);
    expect((await agent.emitWithAck('conversation:claim', { conversationId })).ok).toBe(true);
    const tabs = [
      first.socket,
      ...(
        await Promise.all(Array.from({ length: 9 }, () => server.connectVisitor({ token: first.token })))
      ).map((v) => v.socket),
    ];

    const payloads = Array.from({ length: 500 }, (_, i) => ({
      clientId: crypto.randomUUID(),
      text: `message ${i}`,
      conversationId,
    }));
    const acks = await Promise.all(
      payloads.map((p, i) => tabs[i % tabs.length]!.emitWithAck('message:send', p)),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    // Every tenth message is retried from another tab with the same client id.
    const retries = await Promise.all(
      payloads
        .filter((_, i) => i % 10 === 0)
        .map((p, i) => tabs[(i + 3) % tabs.length]!.emitWithAck('message:send', p)),
    );
    const byClientId = new Map(acks.map((a, i) => [payloads[i]!.clientId, a.ok ? a.data.message.id : '']));
    for (const [i, r] of retries.entries())
      expect(r.ok && r.data.message.id).toBe(byClientId.get(payloads[i * 10]!.clientId));

    const messages: Message[] = await server.store.listMessages(conversationId, {
      afterSeq: 0,
      includeInternal: true,
      limit: 10_000,
    });
    const seqs = messages.map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const customer = messages.filter((m) => m.role === 'customer' && m.text.startsWith('message '));
    expect(customer).toHaveLength(500);
    expect(new Set(customer.map((m) => m.clientId)).size).toBe(500);
    // Each tab's acks come back in seq order of what that tab sent.
    for (let t = 0; t < tabs.length; t++) {
      const mine = acks.filter((_, i) => i % tabs.length === t).map((a) => (a.ok ? a.data.message.seq : 0));
      expect(mine).toEqual([...mine].sort((a, b) => a - b));
    }
    for (const tab of tabs) tab.disconnect();
    agent.disconnect();
  }, 120_000);
});
