import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    RATE_LIMIT_WIDGET_SESSION_IP: '40/1m',
    RATE_LIMIT_CONTACT_VISITOR: '2/1h',
  });
});
afterAll(() => server.close());

const login = (email: string, password: string) =>
  fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

describe('rate limits', () => {
  it('five wrong passwords block the account, even for the right one, with Retry-After; others log in', async () => {
    const email = 'target@example.com';
    await server.createAgent({ email });
    for (let i = 0; i < 5; i++) expect((await login(email, 'wrong-password')).status).toBe(401);
    const blocked = await login(email, AGENT_PASSWORD);
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await blocked.json()) as { error: { code: string; retryAfterMs: number } };
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.retryAfterMs).toBeGreaterThan(0);
    // The e-mail's case does not open another bucket.
    expect((await login(email.toUpperCase(), AGENT_PASSWORD)).status).toBe(429);
    const other = await server.createAgent({ email: 'colleague@example.com' });
    expect(other.token).toEqual(expect.any(String));
  });

  it('a right password before the limit clears the failures', async () => {
    const email = 'forgetful@example.com';
    await server.createAgent({ email });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect((await login(email, 'wrong-password')).status).toBe(401);
      expect((await login(email, AGENT_PASSWORD)).status).toBe(200);
    }
  });

  it('a visitor flooding messages is refused with the wait; nothing past the limit is stored', async () => {
    const { socket } = await server.connectVisitor();
    const acks = [];
    let conversationId: string | undefined;
    for (let i = 0; i < 26; i++) {
      const ack = await socket.emitWithAck('message:send', {
        clientId: crypto.randomUUID(),
        text: `message ${i}`,
        ...(conversationId ? { conversationId } : {}),
      });
      if (ack.ok) conversationId = ack.data.conversation.id;
      acks.push(ack);
    }
    expect(acks.slice(0, 20).every((a) => a.ok)).toBe(true);
    for (const ack of acks.slice(20)) {
      expect(ack).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
      if (!ack.ok) expect(ack.error.retryAfterMs).toBeGreaterThan(0);
    }
    await server.settle(socket);
    const stored = await server.store.listMessages(conversationId ?? '', {
      afterSeq: 0,
      includeInternal: true,
    });
    expect(stored.filter((m) => m.role === 'customer')).toHaveLength(20);
    expect(socket.connected).toBe(true);
  });

  it('leaving an e-mail is limited per visitor', async () => {
    const { socket } = await server.connectVisitor();
    const first = await socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text: 'hello' });
    if (!first.ok) throw new Error(first.error.message);
    const leave = () =>
      socket.emitWithAck('contact:leave', {
        conversationId: first.data.conversation.id,
        email: 'me@example.com',
      });
    await leave();
    await leave();
    expect(await leave()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('widget sessions are limited per address', async () => {
    const open = () =>
      fetch(`${server.url}/api/widget/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ siteKey: 'demo' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await open()).status);
    expect(statuses).toContain(429);
    const refused = await open();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
