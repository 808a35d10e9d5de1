import type { Conversation, Message } from '@hitl/shared/models';
import type { QueueStatus } from '@hitl/shared/queue-wait';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StoreKind, storeKinds } from '../support/store-kinds';
import {
  type AgentClient,
  startTestServer,
  type TestServer,
  type WidgetClient,
} from '../support/test-server';
import { waitForEvent } from '../support/wait-for';

const MIN = 60_000;
let server: TestServer;
let agent: AgentClient;

const send = (socket: WidgetClient, text: string, conversationId?: string) =>
  socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text, conversationId });

/** A new customer asks for a person and waits until the conversation is queued. */
async function waitingCustomer(): Promise<{ visitor: WidgetClient; conversationId: string }> {
  const { socket: visitor } = await server.connectVisitor();
  const queued = waitForEvent<{ state: string }>(
    visitor as never,
    'conversation:updated',
    (c) => c.state === 'queued',
  );
  const ack = await send(visitor, 'I want to talk to a person');
  if (!ack.ok) throw new Error(ack.error.message);
  await queued;
  return { visitor, conversationId: ack.data.conversation.id };
}

const positionOf = (visitor: WidgetClient, conversationId: string, position: number) =>
  waitForEvent<QueueStatus>(
    visitor as never,
    'queue:position',
    (s) => s.conversationId === conversationId && s.position === position,
  );

describe.each(storeKinds)('a customer waiting for a person, on the %s store', (kind: StoreKind) => {
  beforeAll(async () => {
    server = await startTestServer({ QUEUE_UPDATE_INTERVAL_MS: '50' }, { store: kind });
    agent = await server.connectAgent((await server.createAgent({ name: 'Alex Agent' })).token);
    // Three takeovers of the last days took 2 minutes each: the median the estimate starts from.
    const earlier = await server.store.createConversation({
      id: 'conv_earlier',
      siteKey: 'demo',
      visitorId: 'visitor_earlier',
      createdAt: new Date().toISOString(),
    });
    for (const [i, daysAgo] of [1, 2, 3].entries()) {
      await server.store.appendConversationEvent({
        id: `evt_earlier_${i}`,
        conversationId: earlier.id,
        kind: 'claimed',
        actor: { id: 'agt_x', name: 'X' },
        at: new Date(Date.now() - daysAgo * 24 * 3600_000).toISOString(),
        waitedMs: 2 * MIN,
      });
    }
    // A takeover older than a week does not count.
    await server.store.appendConversationEvent({
      id: 'evt_earlier_old',
      conversationId: earlier.id,
      kind: 'claimed',
      actor: { id: 'agt_x', name: 'X' },
      at: new Date(Date.now() - 8 * 24 * 3600_000).toISOString(),
      waitedMs: 90 * MIN,
    });
  });
  afterAll(() => server.close());

  let first: { visitor: WidgetClient; conversationId: string };
  let second: { visitor: WidgetClient; conversationId: string };

  it('is told their place and expected wait, live, and moves up when the one ahead is taken', async () => {
    first = await waitingCustomer();
    const firstSync = await first.visitor.emitWithAck('conversation:sync', {
      conversationId: first.conversationId,
      afterSeq: 0,
    });
    // One agent online with room: the next customer waits about one median takeover.
    expect(firstSync.ok && firstSync.data.queue).toEqual({
      conversationId: first.conversationId,
      position: 1,
      expectedWaitMs: 2 * MIN,
    });

    const { socket: visitor } = await server.connectVisitor();
    const pushed = waitForEvent<QueueStatus>(visitor as never, 'queue:position', (s) => s.position === 2);
    const ack = await send(visitor, 'I want to talk to a person');
    if (!ack.ok) throw new Error(ack.error.message);
    second = { visitor, conversationId: ack.data.conversation.id };
    expect(await pushed).toEqual({
      conversationId: second.conversationId,
      position: 2,
      expectedWaitMs: 4 * MIN,
    });
    // A reload shows it at once.
    const sync = await visitor.emitWithAck('conversation:sync', {
      conversationId: second.conversationId,
      afterSeq: 0,
    });
    expect(sync.ok && sync.data.queue).toMatchObject({ position: 2, expectedWaitMs: 4 * MIN });

    const movedUp = positionOf(visitor, second.conversationId, 1);
    const claim = await agent.emitWithAck('conversation:claim', { conversationId: first.conversationId });
    expect(claim.ok).toBe(true);
    // The first one's wait was measured (a few ms) and joins the sample; the median stays 2 minutes.
    expect(await movedUp).toEqual({
      conversationId: second.conversationId,
      position: 1,
      expectedWaitMs: 2 * MIN,
    });
    const events = await server.store.listConversationEvents(first.conversationId, 50);
    expect(events.find((e) => e.kind === 'claimed')?.waitedMs).toBeGreaterThanOrEqual(0);
    // A conversation that left the queue has no place in it.
    const taken = await first.visitor.emitWithAck('conversation:sync', {
      conversationId: first.conversationId,
      afterSeq: 0,
    });
    expect(taken.ok && taken.data.queue).toBeNull();
  });

  it('acknowledges every message sent while waiting with its place in the queue', async () => {
    const { visitor, conversationId } = second;
    for (const text of ['Hello?', 'Is anyone there?', 'My order is late']) {
      const ack = await send(visitor, text, conversationId);
      expect(ack.ok).toBe(true);
      if (!ack.ok) return;
      expect(ack.data.message).toMatchObject({ role: 'customer', text, conversationId });
      expect(ack.data.conversation.state).toBe('queued');
      expect(ack.data.queue).toEqual({ conversationId, position: 1, expectedWaitMs: 2 * MIN });
    }
    const stored = await server.store.listMessages(conversationId, { afterSeq: 0, includeInternal: false });
    expect(stored.filter((m) => m.role === 'customer').map((m) => m.text)).toEqual([
      'I want to talk to a person',
      'Hello?',
      'Is anyone there?',
      'My order is late',
    ]);
  });

  it('a new arrival queues behind, and a close ahead moves everyone up', async () => {
    const third = await waitingCustomer();
    const sync = await third.visitor.emitWithAck('conversation:sync', {
      conversationId: third.conversationId,
      afterSeq: 0,
    });
    expect(sync.ok && sync.data.queue?.position).toBe(2);
    const movedUp = positionOf(third.visitor, third.conversationId, 1);
    const closed = await agent.emitWithAck('conversation:close', { conversationId: second.conversationId });
    expect(closed.ok).toBe(true);
    await movedUp;
  });

  it('gives a place but no estimate once nobody is online, and says nobody is', async () => {
    agent.disconnect();
    const { socket: visitor } = await server.connectVisitor();
    const notice = waitForEvent<Message>(visitor as never, 'message:created', (m) => m.role === 'system');
    const queued = waitForEvent<Conversation>(
      visitor as never,
      'conversation:updated',
      (c) => c.state === 'queued',
    );
    const ack = await send(visitor, 'I want to talk to a person');
    if (!ack.ok) throw new Error(ack.error.message);
    await queued;
    expect((await notice).notice).toBe('no_agent_online');
    const sync = await visitor.emitWithAck('conversation:sync', {
      conversationId: ack.data.conversation.id,
      afterSeq: 0,
    });
    expect(sync.ok && sync.data.queue).toMatchObject({ expectedWaitMs: null });
    expect(sync.ok && sync.data.queue?.position).toBeGreaterThanOrEqual(1);
  });
});
