import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueVisitorToken } from '../../apps/server/src/services/auth/visitor-tokens';
import {
  type AgentClient,
  startTestServer,
  TEST_SECRET,
  type TestServer,
  type WidgetClient,
} from '../support/test-server';

let server: TestServer;
let visitor: WidgetClient;
let agent: AgentClient;

beforeAll(async () => {
  server = await startTestServer();
  visitor = (await server.connectVisitor()).socket;
  agent = await server.connectAgent((await server.createAgent()).token);
});
afterAll(() => server.close());

const storedMessages = async () =>
  (await server.store.listConversations({ limit: 200 })).reduce((sum, c) => sum + c.lastSeq, 0);

describe('bad input changes nothing and keeps the connection up', () => {
  const cases: [string, unknown][] = [
    ['a missing text', { clientId: crypto.randomUUID() }],
    ['a missing client id', { text: 'hello' }],
    ['a text of the wrong type', { clientId: crypto.randomUUID(), text: 42 }],
    ['an empty text', { clientId: crypto.randomUUID(), text: '   ' }],
    ['a 100 KB message', { clientId: crypto.randomUUID(), text: 'x'.repeat(100 * 1024) }],
    ['a malformed client id', { clientId: 'a b', text: 'hello' }],
    [
      'an operator object as conversation id',
      { clientId: crypto.randomUUID(), text: 'hi', conversationId: { $gt: '' } },
    ],
    ['no payload object', 'just a string'],
  ];
  it.each(cases)('message:send with %s → invalid_payload', async (_name, payload) => {
    const before = await storedMessages();
    const ack = await (
      visitor as never as { emitWithAck: (e: string, p: unknown) => Promise<unknown> }
    ).emitWithAck('message:send', payload);
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await storedMessages()).toBe(before);
    expect(visitor.connected).toBe(true);
  });

  it('an unknown conversation id → not_found, nothing stored', async () => {
    const before = await storedMessages();
    const ack = await visitor.emitWithAck('message:send', {
      clientId: crypto.randomUUID(),
      text: 'hello',
      conversationId: 'conv_does_not_exist',
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await storedMessages()).toBe(before);
  });

  it("another visitor's conversation is not_found to me", async () => {
    const other = await server.connectVisitor();
    const mine = await other.socket.emitWithAck('message:send', {
      clientId: crypto.randomUUID(),
      text: 'hello',
    });
    if (!mine.ok) throw new Error('send failed');
    const ack = await visitor.emitWithAck('message:send', {
      clientId: crypto.randomUUID(),
      text: 'sneaky',
      conversationId: mine.data.conversation.id,
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const sync = await visitor.emitWithAck('conversation:sync', {
      conversationId: mine.data.conversation.id,
      afterSeq: 0,
    });
    expect(sync.ok && sync.data.conversation?.id).not.toBe(mine.data.conversation.id);
  });

  it('a conversation list cursor must be a time and an id', async () => {
    const send = (
      agent as never as { emitWithAck: (e: string, p: unknown) => Promise<unknown> }
    ).emitWithAck.bind(agent);
    for (const before of [
      { id: 'conv_1' },
      { updatedAt: 'soon', id: 'conv_1' },
      { updatedAt: '2026-01-01T00:00:00.000Z', id: { $gt: '' } },
    ]) {
      expect(await send('conversation:list', { limit: 5, before }), JSON.stringify(before)).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
    }
    expect(
      await send('conversation:list', {
        limit: 5,
        before: { updatedAt: '2999-01-01T00:00:00.000Z', id: 'conv_zzz' },
      }),
    ).toMatchObject({ ok: true });
  });

  it('agent requests with bad payloads or unknown ids get codes; the socket stays up', async () => {
    expect(await agent.emitWithAck('conversation:claim', { conversationId: 'conv_nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await (agent as never as { emitWithAck: (e: string, p: unknown) => Promise<unknown> }).emitWithAck(
        'conversation:claim',
        { conversationId: { $where: 'sleep(1000)' } },
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(
      await agent.emitWithAck('correction:create', {
        messageId: 'msg_nope',
        correctedText: 'x',
        reasons: ['tone'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(
      await (agent as never as { emitWithAck: (e: string, p: unknown) => Promise<unknown> }).emitWithAck(
        'correction:create',
        { messageId: 'msg_x', correctedText: 'x', reasons: ['made_up_reason'] },
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(agent.connected).toBe(true);
  });

  it('a handler called without an ack callback does not take the server down', async () => {
    (visitor as never as { emit: (e: string, p: unknown) => void }).emit('message:send', { nonsense: true });
    const ack = await visitor.emitWithAck('conversation:sync', { afterSeq: 0 });
    expect(ack.ok).toBe(true);
  });
});

describe('agent actions need a login', () => {
  it('the /agent namespace refuses a socket without a session', async () => {
    const socket = io(`${server.url}/agent`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    socket.disconnect();
    expect(error.message).toBe('unauthorized');
  });

  it.each([
    ['forged', () => 'v2.v_forged.0.c2lnbmF0dXJl'],
    ['with an extra segment', (token: string) => `${token}.x`],
    [
      'expired',
      () => issueVisitorToken(TEST_SECRET, 'demo', { nowMs: Date.now() - 31 * 24 * 3600 * 1000 }).token,
    ],
  ])('the /widget namespace refuses a %s visitor token', async (_, make) => {
    const { token } = await server.connectVisitor();
    const socket = io(`${server.url}/widget`, {
      auth: { siteKey: 'demo', token: make(token) },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    socket.disconnect();
    expect(error.message).toBe('unauthorized');
  });

  it('an expired visitor token is not renewed: the session starts a new visitor', async () => {
    const old = issueVisitorToken(TEST_SECRET, 'demo', { nowMs: Date.now() - 31 * 24 * 3600 * 1000 });
    const res = await fetch(`${server.url}/api/widget/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ siteKey: 'demo', token: old.token }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { visitorId: string }).visitorId).not.toBe(old.visitorId);
  });

  it.each([
    ['GET', '/api/conversations'],
    ['GET', '/api/corrections'],
    ['GET', '/api/exports/corrections'],
    ['POST', '/api/corrections/cor_x/review'],
    ['GET', '/api/auth/me'],
  ])('%s %s without a session → 401', async (method, url) => {
    const res = await fetch(`${server.url}${url}`, { method });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });
});

describe('REST bodies are validated', () => {
  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it.each([
    ['a missing password', '{"email":"a@b.co"}', 400, 'invalid_payload'],
    ['a wrong type', '{"email":1,"password":2}', 400, 'invalid_payload'],
    ['broken JSON', '{"email":', 400, 'invalid_payload'],
    ['an operator object', '{"email":{"$gt":""},"password":"x"}', 400, 'invalid_payload'],
    [
      'a 100 KB body',
      JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(100 * 1024) }),
      413,
      'payload_too_large',
    ],
    ['wrong credentials', '{"email":"nobody@example.com","password":"whatever"}', 401, 'unauthorized'],
  ])('login with %s → %i %s', async (_name, body, status, code) => {
    const res = await post('/api/auth/login', body);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('a widget session for an unknown site key → 404, from a foreign origin → 403', async () => {
    expect((await post('/api/widget/session', '{"siteKey":"nope"}')).status).toBe(404);
    expect(
      (await post('/api/widget/session', '{"siteKey":"demo"}', { origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect((await post('/api/widget/session', '{"siteKey":"demo"}', { origin: server.url })).status).toBe(
      200,
    );
  });

  it('query filters reject operator injection', async () => {
    const { token } = await server.createAgent();
    const auth = { authorization: `Bearer ${token}` };
    for (const url of [
      '/api/corrections?status[$ne]=approved',
      '/api/conversations?state[$gt]=',
      '/api/exports/corrections?agentId[$where]=1',
      '/api/conversations/%7B%22%24gt%22%3A%22%22%7D',
      '/api/conversations?beforeId=conv_1',
      '/api/conversations?beforeUpdatedAt=yesterday&beforeId=conv_1',
      '/api/conversations?beforeUpdatedAt=2026-01-01T00:00:00.000Z&beforeId[$gt]=',
    ]) {
      const res = await fetch(`${server.url}${url}`, { headers: auth });
      expect(res.status, url).toBe(400);
    }
    const page = async (query: string) => {
      const res = await fetch(`${server.url}/api/conversations?${query}`, { headers: auth });
      expect(res.status, query).toBe(200);
      return ((await res.json()) as { conversations: { id: string }[] }).conversations.map((c) => c.id);
    };
    const all = await page('limit=200');
    expect(all.length).toBeGreaterThan(0);
    expect(await page(`limit=200&beforeUpdatedAt=2999-01-01T00:00:00.000Z&beforeId=conv_zzz`)).toEqual(all);
    expect(await page('limit=200&beforeUpdatedAt=2000-01-01T00:00:00.000Z&beforeId=conv_zzz')).toEqual([]);
  });
});

describe('every input is answered', () => {
  const postLogin = (body: string | Uint8Array, headers: Record<string, string>) =>
    fetch(`${server.url}/api/auth/login`, { method: 'POST', headers, body });

  it.each([
    ['a charset other than UTF-8', { 'content-type': 'application/json; charset=iso-8859-1' }],
    ['an unknown Content-Encoding', { 'content-type': 'application/json', 'content-encoding': 'x-zip' }],
  ])('%s → 415 unsupported_media_type, no stack trace', async (_name, headers) => {
    const res = await postLogin('{"email":"a@b.co","password":"x"}', headers);
    expect(res.status).toBe(415);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unsupported_media_type');
    expect(body.error.message).not.toMatch(/at \S+ \(/);
  });

  it('a gzip body is read', async () => {
    const { gzipSync } = await import('node:zlib');
    const res = await postLogin(gzipSync('{"email":"nobody@example.com","password":"whatever"}'), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(res.status).toBe(401);
  });

  it('a body with a "__proto__" key is refused wherever it hides', async () => {
    const res = await postLogin('{"email":"a@b.co","password":"x","x":{"__proto__":{"admin":true}}}', {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('__proto__');
  });

  it('unknown socket events get unknown_event, with or without a payload; the socket stays up', async () => {
    const loose = visitor as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
    expect(await loose.emitWithAck('conversation:delete-everything', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_event' },
    });
    expect(await loose.emitWithAck('nope')).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
    const agentLoose = agent as unknown as {
      emitWithAck(event: string, ...args: unknown[]): Promise<unknown>;
    };
    expect(await agentLoose.emitWithAck('admin:become', { role: 'admin' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_event' },
    });
    expect(visitor.connected && agent.connected).toBe(true);
  });

  it('binary payloads are answered as invalid, not left waiting', async () => {
    const loose = visitor as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
    for (const payload of [Buffer.from('hello'), { clientId: crypto.randomUUID(), text: Buffer.from('x') }]) {
      expect(await loose.emitWithAck('message:send', payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
    }
  });
});

describe('the policy is saved only whole and valid', () => {
  const put = (token: string, body: string) =>
    fetch(`${server.url}/api/admin/policy`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });

  it.each([
    ['an empty object', '{}', /missing: mode, confidenceThreshold/],
    ['an array', '[]', /JSON object/],
    ['a part of a policy', '{"mode":"approval"}', /missing: confidenceThreshold/],
    ['a topic named __proto__', '{"topics":{"__proto__":{}}}', /__proto__/],
    ['an unknown key', null, /unrecognized key|Unrecognized key/i],
  ])('%s → 400 naming the problem; the policy in force is unchanged', async (_name, body, message) => {
    const admin = await server.createAgent({ role: 'admin' });
    const before = (await (
      await fetch(`${server.url}/api/admin/policy`, { headers: { authorization: `Bearer ${admin.token}` } })
    ).json()) as { policy: Record<string, unknown>; updatedAt: string | null };
    const sent = body ?? JSON.stringify({ ...before.policy, autoApprove: true });
    const res = await put(admin.token, sent);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    const after = (await (
      await fetch(`${server.url}/api/admin/policy`, { headers: { authorization: `Bearer ${admin.token}` } })
    ).json()) as { policy: Record<string, unknown>; updatedAt: string | null };
    expect(after).toEqual(before);
  });
});

describe('admin-written rule patterns cannot stall the server', () => {
  const readPolicy = async (token: string) =>
    (
      (await (
        await fetch(`${server.url}/api/admin/policy`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { policy: { rules: unknown[] } & Record<string, unknown> }
    ).policy;
  const put = (token: string, policy: unknown) =>
    fetch(`${server.url}/api/admin/policy`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(policy),
    });
  const rule = (pattern: string) => ({
    id: 'nested-quantifier',
    description: 'a pattern that backtracks exponentially in a JavaScript engine',
    topic: 'spam',
    action: 'escalate',
    patterns: [pattern],
  });

  it('a pattern RE2 cannot run is refused at save time, naming its place', async () => {
    const admin = await server.createAgent({ role: 'admin' });
    const policy = await readPolicy(admin.token);
    const res = await put(admin.token, { ...policy, rules: [...policy.rules, rule('(a)\\1')] });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as {
      error: { message: string; issues: { path: (string | number)[]; message: string }[] };
    };
    expect(error.message).toMatch(new RegExp(`rules\\[${policy.rules.length}\\]\\.patterns\\[0\\].*RE2`));
    // The same problem by its place, for the console to show beside the pattern's field.
    expect(error.issues).toEqual([
      { path: ['rules', policy.rules.length, 'patterns', 0], message: expect.stringMatching(/RE2/) },
    ]);
    expect(await readPolicy(admin.token)).toEqual(policy);
  });

  it('^(a+)+$ against a long run of a’s: the message is answered and the server keeps serving', async () => {
    const admin = await server.createAgent({ role: 'admin' });
    const policy = await readPolicy(admin.token);
    const saved = await put(admin.token, { ...policy, rules: [...policy.rules, rule('^(a+)+$')] });
    expect(saved.status).toBe(200);
    try {
      // With a backtracking engine this one message would hold the event loop for longer than the suite.
      const ack = await visitor.emitWithAck('message:send', {
        clientId: crypto.randomUUID(),
        text: `${'a'.repeat(3990)}!`,
      });
      expect(ack.ok).toBe(true);
      const other = await server.connectVisitor();
      const answered = await other.socket.emitWithAck('message:send', {
        clientId: crypto.randomUUID(),
        text: 'aaaa',
      });
      expect(answered.ok).toBe(true);
      await server.settle(visitor, other.socket);
      if (!answered.ok) return;
      const conversation = await server.store.getConversation(answered.data.conversation.id);
      expect(conversation?.reasons.some((r) => r.signal === 'topic_rule')).toBe(true);
    } finally {
      await put(admin.token, policy);
    }
  });
});
