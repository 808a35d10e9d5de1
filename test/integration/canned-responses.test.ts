import {
  type CannedResponse,
  cannedResponseListResponseSchema,
  cannedResponseResponseSchema,
} from '@hitl/shared/canned-responses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintStore } from '../support/store-fingerprint';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
const tokens = { agent: '', reviewer: '', admin: '' };

beforeAll(async () => {
  server = await startTestServer({ SITE_NAME: 'Harbor & Pine' });
  tokens.agent = (await server.createAgent({ role: 'agent' })).token;
  tokens.reviewer = (await server.createAgent({ role: 'reviewer', name: 'Robin Reviewer' })).token;
  tokens.admin = (await server.createAgent({ role: 'admin' })).token;
});
afterAll(() => server.close());

const call = (who: keyof typeof tokens, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const list = async (who: keyof typeof tokens = 'agent') =>
  cannedResponseListResponseSchema.parse(await (await call(who, 'GET', '/canned-responses')).json());

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

const auditOf = async (target: string) =>
  (await server.store.listAudit(100)).filter((event) => event.target === target);

describe('canned responses', () => {
  it('a new team starts with refund, shipping and greeting, readable by every agent with the site name', async () => {
    const { cannedResponses, siteName } = await list('agent');
    expect(siteName).toBe('Harbor & Pine');
    expect(cannedResponses.map((c) => c.shortcut)).toEqual(['greeting', 'refund', 'shipping']);
    expect(cannedResponses.find((c) => c.shortcut === 'refund')?.text).toMatch(/\{name\}.*\{agent\}/s);
  });

  it('seeding again (another start) adds nothing', async () => {
    const { seedCannedResponses } = await import(
      '../../apps/server/src/services/canned/seed-canned-responses'
    );
    await seedCannedResponses(server.store, new Date().toISOString());
    expect(await server.store.listCannedResponses()).toHaveLength(3);
  });

  let created: CannedResponse;

  it('a reviewer creates, edits and deletes one; each change is in the audit trail', async () => {
    const res = await call('reviewer', 'POST', '/canned-responses', {
      title: '  Order delayed ',
      shortcut: 'Delay',
      text: 'Sorry {name}, your order is delayed by a day.',
    });
    expect(res.status).toBe(201);
    created = cannedResponseResponseSchema.parse(await res.json()).cannedResponse;
    expect(created).toMatchObject({
      title: 'Order delayed',
      shortcut: 'delay',
      createdBy: { name: 'Robin Reviewer' },
    });
    expect((await list()).cannedResponses.map((c) => c.shortcut)).toContain('delay');

    const edited = await call('reviewer', 'PUT', `/canned-responses/${created.id}`, {
      title: 'Order delayed',
      shortcut: 'delayed',
      text: 'Sorry {name}, your order is delayed by two days. — {agent}',
    });
    expect(edited.status).toBe(200);
    expect(cannedResponseResponseSchema.parse(await edited.json()).cannedResponse).toMatchObject({
      shortcut: 'delayed',
      text: 'Sorry {name}, your order is delayed by two days. — {agent}',
      createdAt: created.createdAt,
    });

    const removed = await call('admin', 'DELETE', `/canned-responses/${created.id}`);
    expect(removed.status).toBe(204);
    expect((await list()).cannedResponses.map((c) => c.id)).not.toContain(created.id);
    expect(await errorCode(await call('admin', 'DELETE', `/canned-responses/${created.id}`))).toBe(
      'not_found',
    );

    const audit = await auditOf(created.id);
    expect(audit.map((e) => e.action).sort()).toEqual(['canned.created', 'canned.deleted', 'canned.updated']);
    expect(audit.find((e) => e.action === 'canned.updated')?.data).toMatchObject({
      changed: ['shortcut', 'text'],
    });
    // What was deleted lives on in the audit trail only.
    expect(audit.find((e) => e.action === 'canned.deleted')?.data).toMatchObject({ shortcut: 'delayed' });
  });

  it('a plain agent may read but not change them, and a refusal changes nothing', async () => {
    const before = await fingerprintStore(server.store);
    const existing = (await list()).cannedResponses[0] as CannedResponse;
    const body = { title: 'Mine', shortcut: 'mine', text: 'x' };
    expect((await call('agent', 'POST', '/canned-responses', body)).status).toBe(403);
    expect((await call('agent', 'PUT', `/canned-responses/${existing.id}`, body)).status).toBe(403);
    expect((await call('agent', 'DELETE', `/canned-responses/${existing.id}`)).status).toBe(403);
    expect(await fingerprintStore(server.store)).toBe(before);
    expect(await server.store.listCannedResponses()).toHaveLength(3);
  });

  it('refuses bad input with a clear code and changes nothing', async () => {
    const before = JSON.stringify(await server.store.listCannedResponses());
    const audit = (await server.store.listAudit(1000)).length;
    const refund = (await list()).cannedResponses.find((c) => c.shortcut === 'refund') as CannedResponse;
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/canned-responses', { title: '', shortcut: 'x', text: 'y' }, 400, 'invalid_payload'],
      ['POST', '/canned-responses', { title: 'x', shortcut: 'has space', text: 'y' }, 400, 'invalid_payload'],
      ['POST', '/canned-responses', { title: 'x', shortcut: '/refund', text: 'y' }, 400, 'invalid_payload'],
      [
        'POST',
        '/canned-responses',
        { title: 'x', shortcut: 'x', text: 'y'.repeat(4001) },
        400,
        'invalid_payload',
      ],
      [
        'POST',
        '/canned-responses',
        { title: 'x', shortcut: 'x', text: 'y', extra: 1 },
        400,
        'invalid_payload',
      ],
      ['POST', '/canned-responses', { title: 'x', shortcut: { $gt: '' }, text: 'y' }, 400, 'invalid_payload'],
      ['POST', '/canned-responses', { title: 'Again', shortcut: 'REFUND', text: 'y' }, 409, 'conflict'],
      ['PUT', '/canned-responses/can_missing', { title: 'x', shortcut: 'x', text: 'y' }, 404, 'not_found'],
      ['PUT', '/canned-responses/..%2F', { title: 'x', shortcut: 'x', text: 'y' }, 400, 'invalid_payload'],
      [
        'PUT',
        `/canned-responses/${refund.id}`,
        { title: 'x', shortcut: 'shipping', text: 'y' },
        409,
        'conflict',
      ],
    ];
    for (const [method, path, body, status, code] of cases) {
      const res = await call('admin', method, path, body);
      expect(
        [res.status, await errorCode(res)],
        `${method} ${path} ${JSON.stringify(body).slice(0, 60)}`,
      ).toEqual([status, code]);
    }
    expect(JSON.stringify(await server.store.listCannedResponses())).toBe(before);
    expect((await server.store.listAudit(1000)).length).toBe(audit);
  });
});
