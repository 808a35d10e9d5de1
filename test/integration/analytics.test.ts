import { type AnalyticsResponse, analyticsResponseSchema } from '@hitl/shared/analytics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StoreKind, storeKinds } from '../support/store-kinds';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(storeKinds)('analytics over the product paths (%s store)', (kind: StoreKind) => {
  let server: TestServer;
  let lead: { token: string; agent: { id: string } };
  let agent: { token: string; agent: { id: string } };
  const today = new Date().toISOString().slice(0, 10);

  const get = (token: string, query: string) =>
    fetch(`${server.url}/api/analytics?${query}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    server = await startTestServer({}, { store: kind });
    lead = await server.createAgent({ name: 'Lea Lead', role: 'reviewer' });
    agent = await server.createAgent({ name: 'Ana Agent' });

    // A customer asks for a person; Ana claims, answers and closes. Another customer is answered by the bot.
    const { socket } = await server.connectVisitor();
    const sent = await socket.emitWithAck('message:send', {
      clientId: crypto.randomUUID(),
      text: 'I want to talk to a person',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    await server.settle(socket);
    const conversationId = sent.data.conversation.id;
    const ana = await server.connectAgent(agent.token);
    const claimed = await ana.emitWithAck('conversation:claim', { conversationId });
    if (!claimed.ok) throw new Error(claimed.error.message);
    const replied = await ana.emitWithAck('message:send', {
      conversationId,
      clientId: crypto.randomUUID(),
      text: 'Hello, I am Ana.',
    });
    if (!replied.ok) throw new Error(replied.error.message);
    const closed = await ana.emitWithAck('conversation:close', { conversationId });
    if (!closed.ok) throw new Error(closed.error.message);
    await server.settle(socket);
    const rated = await socket.emitWithAck('conversation:rate', {
      conversationId,
      rating: 5,
      comment: 'Thanks Ana',
    });
    if (!rated.ok) throw new Error(rated.error.message);

    const other = await server.connectVisitor();
    const asked = await other.socket.emitWithAck('message:send', {
      clientId: crypto.randomUUID(),
      text: 'How long does shipping take?',
    });
    if (!asked.ok) throw new Error(asked.error.message);
    await server.settle(socket, other.socket);
  });
  afterAll(() => server.close());

  it('counts what happened today, with the escalated question, the takeover and the handle time', async () => {
    const res = await get(lead.token, `from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    const body: AnalyticsResponse = analyticsResponseSchema.parse(await res.json());
    expect(body.volume).toEqual([{ day: today, conversations: 2, customerMessages: 2 }]);
    expect(body.automation).toMatchObject({
      conversations: 2,
      escalated: 1,
      automated: 1,
      escalationRate: 0.5,
    });
    expect(body.escalationsByReason).toEqual([{ reason: 'customer_request', count: 1 }]);
    expect(body.topEscalatedQuestions).toEqual([
      { question: 'I want to talk to a person', count: 1, examples: [] },
    ]);
    expect(body.speed.takeover.count).toBe(1);
    expect(body.speed.handle.count).toBe(1);
    expect(body.agents).toEqual([
      expect.objectContaining({ agent: { id: agent.agent.id, name: 'Ana Agent' }, conversations: 1 }),
    ]);
    expect(body.agents[0]?.handleMs).toBe(body.speed.handle.totalMs);
    expect(body.satisfaction).toEqual({
      bot: { ratings: 0, average: null },
      agent: { ratings: 1, average: 5 },
    });
    expect(body.agents[0]).toMatchObject({ ratings: 1, averageRating: 5 });
  });

  it('refuses agents, and bad ranges with a clear code', async () => {
    const refused = await get(agent.token, `from=${today}&to=${today}`);
    expect(refused.status).toBe(403);
    for (const query of [
      'from=2025-02-01&to=2025-01-01',
      'from=2023-01-01&to=2025-01-01',
      'from=yesterday&to=2025-01-01',
      `from=${today}&to=${today}&accuracy=0.5`,
      `from=${today}&to=${today}&topic=Not A Topic`,
    ]) {
      const res = await get(lead.token, query);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_payload');
    }
  });
});
