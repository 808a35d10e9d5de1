import type { Conversation, Message } from '@hitl/shared/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { collectEvents, waitForEvent } from '../support/wait-for';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const card = '4111 1111 1111 1111';

describe('card numbers are never stored in clear', () => {
  it('a card sent to the bot is stored masked, the customer is warned, and the chat escalates', async () => {
    const { socket } = await server.connectVisitor();
    const seen = collectEvents<Message>(socket as never, 'message:created');
    const ack = await socket.emitWithAck('message:send', {
      clientId: crypto.randomUUID(),
      text: `my card is ${card}, was I charged twice?`,
    });
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.data.message.text).toBe('my card is •••• 1111, was I charged twice?');
    await server.settle(socket);
    expect(seen.some((m) => m.notice === 'card_masked')).toBe(true);
    const stored = await server.store.listMessages(ack.data.conversation.id, {
      afterSeq: 0,
      includeInternal: true,
    });
    expect(JSON.stringify(stored)).not.toContain('4111 1111');
    expect(JSON.stringify(seen)).not.toContain('4111 1111');
    const conversation = await server.store.getConversation(ack.data.conversation.id);
    expect(conversation?.state).toBe('queued');
    expect(conversation?.reasons.map((r) => r.signal)).toContain('sensitive_data');
  });

  it('a card sent while an agent has the conversation raises sensitive_data for the agents too', async () => {
    const agent = await server.connectAgent((await server.createAgent()).token);
    const { socket } = await server.connectVisitor();
    const first = await socket.emitWithAck('message:send', {
      clientId: crypto.randomUUID(),
      text: 'I want to talk to a person',
    });
    if (!first.ok) throw new Error(first.error.message);
    await server.settle(socket);
    const claim = await agent.emitWithAck('conversation:claim', {
      conversationId: first.data.conversation.id,
    });
    expect(claim.ok).toBe(true);
    const flagged = waitForEvent<Conversation>(agent as never, 'conversation:updated', (c) =>
      c.reasons.some((r) => r.signal === 'sensitive_data'),
    );
    const sent = await socket.emitWithAck('message:send', {
      clientId: crypto.randomUUID(),
      conversationId: first.data.conversation.id,
      text: `here it is: ${card}`,
    });
    expect(sent.ok && sent.data.message.text).toBe('here it is: •••• 1111');
    const conversation = await flagged;
    expect(conversation.state).toBe('agent');
    expect(conversation.reasons.find((r) => r.signal === 'sensitive_data')?.value).toBe('card');
  });
});
