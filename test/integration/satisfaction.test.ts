import type { Conversation, Message } from '@hitl/shared/models';
import type { PublicConversation } from '@hitl/shared/widget-events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  startTestServer,
  type TestServer,
  type WidgetClient,
} from '../support/test-server';
import { waitForEvent } from '../support/wait-for';

let server: TestServer;
let agent: AgentClient;

const send = (socket: WidgetClient, text: string) =>
  socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text });

async function answeredConversation(): Promise<{ visitor: WidgetClient; conversationId: string }> {
  const { socket: visitor } = await server.connectVisitor();
  const reply = waitForEvent<Message>(visitor as never, 'message:created', (m) => m.role === 'bot');
  const ack = await send(visitor, 'how long does shipping take?');
  if (!ack.ok) throw new Error(ack.error.message);
  await reply;
  return { visitor, conversationId: ack.data.conversation.id };
}

async function close(conversationId: string): Promise<void> {
  const ack = await agent.emitWithAck('conversation:close', { conversationId });
  if (!ack.ok) throw new Error(ack.error.message);
}

beforeAll(async () => {
  server = await startTestServer();
  agent = await server.connectAgent((await server.createAgent({ name: 'Alex Agent' })).token);
});
afterAll(() => server.close());

describe('the customer rates a closed conversation', () => {
  it('stores the rating once, tells the widget it is rated and shows it to agents', async () => {
    const { visitor, conversationId } = await answeredConversation();
    await close(conversationId);
    const agentSees = waitForEvent<Conversation>(
      agent as never,
      'conversation:updated',
      (c) => c.id === conversationId && c.satisfaction !== null,
    );
    const widgetSees = waitForEvent<PublicConversation>(
      visitor as never,
      'conversation:updated',
      (c) => c.id === conversationId && c.rated,
    );
    const ack = await visitor.emitWithAck('conversation:rate', {
      conversationId,
      rating: 4,
      comment: '  Quick, thanks  ',
    });
    expect(ack.ok && ack.data.conversation).toMatchObject({ id: conversationId, rated: true });
    expect((await agentSees).satisfaction).toMatchObject({ rating: 4, comment: 'Quick, thanks' });
    await widgetSees;

    const again = await visitor.emitWithAck('conversation:rate', { conversationId, rating: 1 });
    expect(again.ok ? null : again.error.code).toBe('already_rated');
    expect((await server.store.getConversation(conversationId))?.satisfaction?.rating).toBe(4);

    const sync = await visitor.emitWithAck('conversation:sync', { conversationId });
    expect(sync.ok && sync.data.conversation?.rated).toBe(true);
  });

  it('refuses a rating before the close, of another visitor, or out of range, and changes nothing', async () => {
    const { visitor, conversationId } = await answeredConversation();
    const early = await visitor.emitWithAck('conversation:rate', { conversationId, rating: 5 });
    expect(early.ok ? null : early.error.code).toBe('invalid_state');

    await close(conversationId);
    const { socket: stranger } = await server.connectVisitor();
    const foreign = await stranger.emitWithAck('conversation:rate', { conversationId, rating: 5 });
    expect(foreign.ok ? null : foreign.error.code).toBe('not_found');

    for (const rating of [0, 6, 2.5]) {
      const bad = await visitor.emitWithAck('conversation:rate', { conversationId, rating });
      expect(bad.ok ? null : bad.error.code).toBe('invalid_payload');
    }
    const long = await visitor.emitWithAck('conversation:rate', {
      conversationId,
      rating: 3,
      comment: 'x'.repeat(1001),
    });
    expect(long.ok ? null : long.error.code).toBe('invalid_payload');
    expect((await server.store.getConversation(conversationId))?.satisfaction).toBeNull();

    // Still accepted afterwards, without a comment.
    const ok = await visitor.emitWithAck('conversation:rate', { conversationId, rating: 2, comment: '   ' });
    expect(ok.ok).toBe(true);
    expect((await server.store.getConversation(conversationId))?.satisfaction).toMatchObject({
      rating: 2,
      comment: null,
    });
  });
});
