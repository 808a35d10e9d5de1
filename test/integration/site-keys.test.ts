import type { Agent } from '@hitl/shared/models';
import { siteKeyListResponseSchema, siteKeyResponseSchema } from '@hitl/shared/site-keys';
import { widgetSessionResponseSchema } from '@hitl/shared/widget-events';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StoreKind, storeKinds } from '../support/store-kinds';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let admin: { agent: Agent; token: string };
let agent: { agent: Agent; token: string };

const api = (token: string, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const session = (siteKey: string, origin?: string) =>
  fetch(`${server.url}/api/widget/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: JSON.stringify({ siteKey }),
  });

/** Whether a /widget socket from `origin` is let in ('connected') or why not. */
function handshake(siteKey: string, token: string, origin: string): Promise<string> {
  const socket = io(`${server.url}/widget`, {
    auth: { siteKey, token },
    extraHeaders: { origin },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', (error) => {
      socket.disconnect();
      resolve(error.message);
    });
  });
}

const list = async () =>
  siteKeyListResponseSchema.parse(await (await api(admin.token, 'GET', '/api/admin/site-keys')).json())
    .siteKeys;

const auditActions = async () =>
  (
    (await (await api(admin.token, 'GET', '/api/admin/audit?limit=50')).json()) as {
      events: { action: string; target: string; data: Record<string, unknown> }[];
    }
  ).events;

describe.each(storeKinds)('site keys (%s store)', (kind: StoreKind) => {
  beforeAll(async () => {
    server = await startTestServer(
      { SITES: 'demo=self;shop=https://shop.example', SITE_NAME: 'Harbor & Pine' },
      { store: kind },
    );
    admin = await server.createAgent({ name: 'Ada Admin', role: 'admin' });
    agent = await server.createAgent({ name: 'Alex Agent' });
  });
  afterAll(() => server.close());

  it('starts from the SITES configuration, with the default greeting', async () => {
    const keys = await list();
    expect(keys.map((k) => [k.key, k.origins, k.name])).toEqual([
      ['demo', ['self'], 'Harbor & Pine'],
      ['shop', ['https://shop.example'], 'Harbor & Pine'],
    ]);
    expect(keys[0]?.greeting).toMatch(/Harbor & Pine assistant/);
  });

  it('an edit of the origins applies to the next session and socket: a new origin is let in, a removed one refused', async () => {
    expect((await session('shop', 'https://shop.example')).status).toBe(200);
    expect((await session('shop', 'https://new-shop.example')).status).toBe(403);
    const before = widgetSessionResponseSchema.parse(
      await (await session('shop', 'https://shop.example')).json(),
    );
    expect(await handshake('shop', before.token, 'https://shop.example')).toBe('connected');

    const res = await api(admin.token, 'PATCH', '/api/admin/site-keys/shop', {
      origins: ['https://new-shop.example', 'http://localhost:8080'],
    });
    expect(res.status).toBe(200);
    expect(siteKeyResponseSchema.parse(await res.json()).siteKey.origins).toEqual([
      'https://new-shop.example',
      'http://localhost:8080',
    ]);

    expect((await session('shop', 'https://new-shop.example')).status).toBe(200);
    expect((await session('shop', 'http://localhost:8080')).status).toBe(200);
    const refused = await session('shop', 'https://shop.example');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden' } });
    // A token issued before the edit no longer opens a socket from the removed origin.
    expect(await handshake('shop', before.token, 'https://shop.example')).toBe('forbidden');
    expect(await handshake('shop', before.token, 'https://new-shop.example')).toBe('connected');

    expect(await auditActions()).toContainEqual(
      expect.objectContaining({
        action: 'site-key.updated',
        target: 'shop',
        data: {
          origins: {
            from: ['https://shop.example'],
            to: ['https://new-shop.example', 'http://localhost:8080'],
          },
        },
      }),
    );
  });

  it('a new greeting and name are what the widget session answers', async () => {
    const res = await api(admin.token, 'PATCH', '/api/admin/site-keys/demo', {
      greeting: 'Ahoy! How can we help?',
      name: 'Harbor & Pine Outlet',
    });
    expect(res.status).toBe(200);
    const opened = widgetSessionResponseSchema.parse(await (await session('demo', server.url)).json());
    expect(opened).toMatchObject({ greeting: 'Ahoy! How can we help?', siteName: 'Harbor & Pine Outlet' });
  });

  it('creates and deletes a key, audited; a deleted key opens no session', async () => {
    const created = await api(admin.token, 'POST', '/api/admin/site-keys', {
      key: 'kiosk',
      name: 'Kiosk',
      origins: ['https://kiosk.example:8443'],
      greeting: 'Hello from the kiosk.',
    });
    expect(created.status).toBe(201);
    expect((await session('kiosk', 'https://kiosk.example:8443')).status).toBe(200);
    const twice = await api(admin.token, 'POST', '/api/admin/site-keys', {
      key: 'kiosk',
      name: 'Twin',
      origins: ['https://twin.example'],
      greeting: 'Hi',
    });
    expect(twice.status).toBe(409);
    expect((await list()).find((k) => k.key === 'kiosk')?.name).toBe('Kiosk');

    expect((await api(admin.token, 'DELETE', '/api/admin/site-keys/kiosk')).status).toBe(204);
    expect((await session('kiosk', 'https://kiosk.example:8443')).status).toBe(404);
    expect((await api(admin.token, 'DELETE', '/api/admin/site-keys/kiosk')).status).toBe(404);
    const actions = (await auditActions()).filter((e) => e.target === 'kiosk').map((e) => e.action);
    expect(actions).toEqual(['site-key.deleted', 'site-key.created']);
  });

  it.each([
    ['a path', 'https://shop.example/checkout'],
    ['a trailing slash', 'https://shop.example/'],
    ['another scheme', 'ftp://shop.example'],
    ['no scheme', 'shop.example'],
    ['a query', 'https://shop.example?x=1'],
    ['upper case', 'https://Shop.example'],
    ['the default port', 'https://shop.example:443'],
    ['credentials', 'https://user:pw@shop.example'],
  ])('refuses an origin with %s, changing nothing', async (_, origin) => {
    const before = await list();
    const res = await api(admin.token, 'PATCH', '/api/admin/site-keys/shop', { origins: [origin] });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_payload');
    expect(body.error.message).toContain(origin);
    expect(await list()).toEqual(before);
  });

  it('refuses other bad input with invalid_payload, changing nothing', async () => {
    const before = await list();
    const bad: [string, string, unknown][] = [
      ['PATCH', '/api/admin/site-keys/shop', {}],
      ['PATCH', '/api/admin/site-keys/shop', { origins: [] }],
      ['PATCH', '/api/admin/site-keys/shop', { greeting: '   ' }],
      ['PATCH', '/api/admin/site-keys/shop', { key: 'renamed' }],
      ['PATCH', '/api/admin/site-keys/shop', { origins: ['https://a.example', 'https://a.example'] }],
      [
        'POST',
        '/api/admin/site-keys',
        { key: 'bad key!', name: 'x', origins: ['https://a.example'], greeting: 'x' },
      ],
      ['POST', '/api/admin/site-keys', { key: 'nogreeting', name: 'x', origins: ['https://a.example'] }],
    ];
    for (const [method, path, body] of bad) {
      const res = await api(admin.token, method, path, body);
      expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([
        400,
        'invalid_payload',
      ]);
    }
    expect((await api(admin.token, 'PATCH', '/api/admin/site-keys/missing', { name: 'x' })).status).toBe(404);
    expect(await list()).toEqual(before);
  });

  it('only admins manage site keys', async () => {
    const before = await list();
    expect((await api(agent.token, 'GET', '/api/admin/site-keys')).status).toBe(403);
    expect(
      (await api(agent.token, 'PATCH', '/api/admin/site-keys/shop', { greeting: 'Mine now' })).status,
    ).toBe(403);
    expect((await api(agent.token, 'DELETE', '/api/admin/site-keys/shop')).status).toBe(403);
    expect(await list()).toEqual(before);
  });
});
