import { type AgentRole, agentRoles } from '@hitl/shared/models';
import { can, type Permission, permissions } from '@hitl/shared/permissions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
const tokens = {} as Record<AgentRole, string>;

beforeAll(async () => {
  server = await startTestServer();
  for (const role of agentRoles) tokens[role] = (await server.createAgent({ role, name: `A ${role}` })).token;
});
afterAll(() => server.close());

const call = (role: AgentRole, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** Whether the server refused the request for the role (403: `forbidden`, or `not_owner` for another's chat). */
async function refused(res: Response): Promise<boolean> {
  const text = await res.text();
  return res.status === 403 && /"code":"(forbidden|not_owner)"/.test(text);
}

/** One request per permission, the way the console makes it. */
const requests: Record<Permission, (role: AgentRole) => Promise<Response>> = {
  'conversation.work': (role) => call(role, 'GET', '/api/conversations?limit=5'),
  'conversation.search': (role) => call(role, 'GET', '/api/conversations/search?q=refund&limit=5'),
  'team.read': (role) => call(role, 'GET', '/api/team'),
  'conversation.release-others': async (role) => {
    // A conversation another agent owns: only a role with the permission may close it.
    const owner = await server.createAgent({ name: `Owner for ${role}` });
    const ownerSocket = await server.connectAgent(owner.token);
    const { socket } = await server.connectVisitor();
    const sent = await socket.emitWithAck('message:send', {
      clientId: crypto.randomUUID(),
      text: 'a person please',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    await server.settle(socket);
    const claim = await ownerSocket.emitWithAck('conversation:claim', {
      conversationId: sent.data.conversation.id,
    });
    if (!claim.ok) throw new Error(claim.error.message);
    const closer = await server.connectAgent(tokens[role]);
    const closed = await closer.emitWithAck('conversation:close', {
      conversationId: sent.data.conversation.id,
    });
    // The ack as a response: an error ack carries its code like a REST error body.
    return new Response(JSON.stringify(closed), { status: closed.ok ? 200 : 403 });
  },
  // Without SMTP_URL the route answers email_not_configured, which is not a refusal.
  'conversation.email-reply': (role) =>
    call(role, 'POST', '/api/conversations/cnv_missing/email-replies', {
      clientId: crypto.randomUUID(),
      text: 'Your parcel left today.',
    }),
  'correction.create': (role) => call(role, 'GET', '/api/corrections?limit=5'),
  'correction.review': (role) =>
    call(role, 'POST', '/api/corrections/cor_missing/review', { status: 'approved' }),
  'knowledge.read': (role) => call(role, 'GET', '/api/knowledge/articles'),
  'knowledge.edit': (role) =>
    call(role, 'POST', '/api/knowledge/articles', {
      title: `Kayak rental for ${role}`,
      topic: 'products',
      answer: 'We rent kayaks at the Portland store.',
      examples: [`can a ${role} rent a kayak?`],
    }),
  'canned.read': (role) => call(role, 'GET', '/api/canned-responses'),
  'canned.edit': (role) =>
    call(role, 'POST', '/api/canned-responses', {
      title: `Kayak rental for ${role}`,
      shortcut: `kayak-${role}`,
      text: 'We rent kayaks at the Portland store, {name}.',
    }),
  'policy.read': (role) => call(role, 'GET', '/api/admin/policy'),
  'policy.edit': async (role) => {
    const current = (await (await call('admin', 'GET', '/api/admin/policy')).json()) as { policy: unknown };
    return call(role, 'PUT', '/api/admin/policy', current.policy);
  },
  'audit.read': (role) => call(role, 'GET', '/api/admin/audit'),
  'team.manage': (role) => call(role, 'GET', '/api/admin/agents'),
  'site.manage': (role) =>
    call(role, 'POST', '/api/admin/site-keys', {
      key: `site-${role}`,
      name: 'Shop',
      origins: ['https://shop.example'],
      greeting: 'Hello!',
    }),
  'analytics.view': (role) => call(role, 'GET', '/api/analytics?from=2025-01-01&to=2025-01-31'),
  'export.redacted': (role) => call(role, 'GET', '/api/exports/corrections?format=csv&status=any'),
  'export.unredacted': (role) =>
    call(role, 'GET', '/api/exports/corrections?format=csv&status=any&redact=false'),
};

describe('the permissions table is what the server enforces', () => {
  const cases = (Object.keys(permissions) as Permission[]).flatMap((permission) =>
    agentRoles.map((role) => [permission, role] as const),
  );

  it.each(cases)('%s as %s', async (permission, role) => {
    const res = await requests[permission](role);
    expect(await refused(res)).toBe(!can(role, permission));
  });

  it('applying threshold advice needs policy.edit', async () => {
    for (const role of agentRoles) {
      const res = await call(role, 'POST', '/api/admin/threshold-advice/apply', {
        topic: null,
        accuracy: 0.97,
      });
      expect(await refused(res), role).toBe(!can(role, 'policy.edit'));
    }
  });
});
