import type { Agent, Conversation, Message } from '@hitl/shared/models';
import { agentInviteResponseSchema, agentListResponseSchema } from '@hitl/shared/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentHandshake, disconnected, loginAgentOver } from '../support/clients';
import { startTestServer, type TestServer } from '../support/test-server';
import { waitForEvent } from '../support/wait-for';

let server: TestServer;
let admin: { agent: Agent; token: string };

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.createAgent({ name: 'Ada Admin', role: 'admin' });
});
afterAll(() => server.close());

const api = (token: string, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function invite(role: Agent['role'], name: string): Promise<{ agent: Agent; password: string }> {
  const res = await api(admin.token, 'POST', '/api/admin/agents', {
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
    name,
    role,
  });
  expect(res.status).toBe(201);
  return agentInviteResponseSchema.parse(await res.json());
}

describe('an admin manages the team', () => {
  it('invites a member with a generated password that logs in once handed over', async () => {
    const { agent, password } = await invite('reviewer', 'Rita Reviewer');
    expect(agent).toMatchObject({ role: 'reviewer', active: true, name: 'Rita Reviewer' });
    expect(password.length).toBeGreaterThanOrEqual(16);
    const login = await loginAgentOver(server.url, agent.email, password);
    expect(login.agent.id).toBe(agent.id);
    const list = agentListResponseSchema.parse(
      await (await api(admin.token, 'GET', '/api/admin/agents')).json(),
    );
    expect(list.agents.map((a) => a.id)).toContain(agent.id);
    const audit = (await (await api(admin.token, 'GET', '/api/admin/audit?limit=20')).json()) as {
      events: { action: string; target: string }[];
    };
    expect(audit.events).toContainEqual(
      expect.objectContaining({ action: 'agent.invited', target: agent.id }),
    );
    // The same e-mail twice is a conflict, and bad input a 400; neither adds anyone.
    const again = await api(admin.token, 'POST', '/api/admin/agents', { email: agent.email, name: 'Twin' });
    expect(again.status).toBe(409);
    const bad = await api(admin.token, 'POST', '/api/admin/agents', { email: 'not-an-email', name: '' });
    expect(bad.status).toBe(400);
    const after = agentListResponseSchema.parse(
      await (await api(admin.token, 'GET', '/api/admin/agents')).json(),
    );
    expect(after.agents).toHaveLength(list.agents.length);
  });

  it('deactivation ends the member’s sessions at once: sockets, REST, new logins', async () => {
    const { agent, password } = await invite('agent', 'Dan Deactivated');
    const { token } = await loginAgentOver(server.url, agent.email, password);
    const first = await server.connectAgent(token);
    const second = await server.connectAgent(token);
    const ends = [disconnected(first), disconnected(second)];
    const res = await api(admin.token, 'PATCH', `/api/admin/agents/${agent.id}`, { active: false });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { agent: Agent }).agent).toMatchObject({ active: false });
    expect(await Promise.all(ends)).toEqual(['io server disconnect', 'io server disconnect']);
    expect((await api(token, 'GET', '/api/conversations?limit=1')).status).toBe(401);
    expect(await agentHandshake(server.url, token)).toBe('unauthorized');
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: agent.email, password }),
    });
    expect(login.status).toBe(401);
    // Reactivated, the member logs in again.
    await api(admin.token, 'PATCH', `/api/admin/agents/${agent.id}`, { active: true });
    expect((await loginAgentOver(server.url, agent.email, password)).agent.active).toBe(true);
  });

  it('a role change ends the sessions too: the member comes back with the new role', async () => {
    const { agent, password } = await invite('admin', 'Pat Promoted');
    const { token } = await loginAgentOver(server.url, agent.email, password);
    const socket = await server.connectAgent(token);
    const end = disconnected(socket);
    expect((await api(token, 'GET', '/api/admin/audit?limit=1')).status).toBe(200);
    const res = await api(admin.token, 'PATCH', `/api/admin/agents/${agent.id}`, { role: 'agent' });
    expect(res.status).toBe(200);
    expect(await end).toBe('io server disconnect');
    expect((await api(token, 'GET', '/api/admin/audit?limit=1')).status).toBe(401);
    const again = await loginAgentOver(server.url, agent.email, password);
    expect(again.agent.role).toBe('agent');
    expect((await api(again.token, 'GET', '/api/admin/audit?limit=1')).status).toBe(403);
  });

  it('a socket whose session was ended in the store is refused at its next event', async () => {
    // As when the disconnect broadcast never reached this node: the store decides.
    const { agent, password } = await invite('agent', 'Sid Stale');
    const { token } = await loginAgentOver(server.url, agent.email, password);
    const socket = await server.connectAgent(token);
    expect(await socket.emitWithAck('conversation:list', {})).toMatchObject({ ok: true });
    const end = disconnected(socket);
    await server.store.deleteAgentSessions(agent.id);
    expect(await socket.emitWithAck('conversation:list', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await end).toBe('io server disconnect');
  });

  it('a deactivated member’s conversations go back to the queue, and the customer is told', async () => {
    const { agent, password } = await invite('agent', 'Lou Leaving');
    const { token } = await loginAgentOver(server.url, agent.email, password);
    const agentSocket = await server.connectAgent(token);
    const { socket: widget } = await server.connectVisitor();
    const sent = await widget.emitWithAck('message:send', {
      clientId: crypto.randomUUID(),
      text: 'a person please',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    const conversationId = sent.data.conversation.id;
    await server.settle(widget);
    const claimed = await agentSocket.emitWithAck('conversation:claim', { conversationId });
    expect(claimed).toMatchObject({ ok: true });

    const watcher = await server.connectAgent(admin.token);
    const requeued = waitForEvent<Conversation>(
      watcher as never,
      'conversation:escalated',
      (c) => c.id === conversationId,
    );
    const told = waitForEvent<Message>(widget as never, 'message:created', (m) => m.notice === 'agent_left');
    expect((await api(admin.token, 'PATCH', `/api/admin/agents/${agent.id}`, { active: false })).status).toBe(
      200,
    );
    expect(await requeued).toMatchObject({ state: 'queued', assignee: null });
    expect((await told).text).toContain('Lou Leaving had to leave');
    expect((await server.store.getConversation(conversationId))?.reasons.length).toBeGreaterThan(0);
  });

  it('the team always keeps an active admin', async () => {
    const others = agentListResponseSchema
      .parse(await (await api(admin.token, 'GET', '/api/admin/agents')).json())
      .agents.filter((a) => a.role === 'admin' && a.active && a.id !== admin.agent.id);
    for (const other of others)
      await api(admin.token, 'PATCH', `/api/admin/agents/${other.id}`, { role: 'agent' });
    const res = await api(admin.token, 'PATCH', `/api/admin/agents/${admin.agent.id}`, { active: false });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'conflict' } });
    expect((await server.store.getAgent(admin.agent.id))?.active).toBe(true);
  });

  it('refuses bad changes with a clear code and changes nothing', async () => {
    const { agent } = await invite('agent', 'Val Valid');
    for (const body of [{}, { role: 'owner' }, { active: 'no' }, { role: 'admin', extra: 1 }]) {
      const res = await api(admin.token, 'PATCH', `/api/admin/agents/${agent.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await api(admin.token, 'PATCH', '/api/admin/agents/agt_nobody', { active: false })).status).toBe(
      404,
    );
    expect(await server.store.getAgent(agent.id)).toEqual(agent);
  });

  it('only admins manage the team', async () => {
    const { agent } = await invite('agent', 'Oli Other');
    for (const role of ['agent', 'reviewer'] as const) {
      const { token } = await server.createAgent({ role });
      expect((await api(token, 'GET', '/api/admin/agents')).status).toBe(403);
      expect(
        (await api(token, 'POST', '/api/admin/agents', { email: `x-${role}@example.com`, name: 'X' })).status,
      ).toBe(403);
      expect((await api(token, 'PATCH', `/api/admin/agents/${agent.id}`, { active: false })).status).toBe(
        403,
      );
    }
    expect((await server.store.getAgent(agent.id))?.active).toBe(true);
  });
});
