import type { Conversation, Message } from '@hitl/shared/models';
import { teamResponseSchema } from '@hitl/shared/team-presence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  startTestServer,
  type TestServer,
  type WidgetClient,
} from '../support/test-server';
import { collectEvents, waitForEvent } from '../support/wait-for';

const send = (socket: WidgetClient, text: string) =>
  socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text });

/** A visitor asks for a person: the conversation enters the queue (and, in automatic mode, is assigned). */
async function escalated(server: TestServer): Promise<{ visitor: WidgetClient; conversationId: string }> {
  const { socket: visitor } = await server.connectVisitor();
  const ack = await send(visitor, 'I want to talk to a human please');
  if (!ack.ok) throw new Error(ack.error.message);
  await server.settle(visitor);
  return { visitor, conversationId: ack.data.conversation.id };
}

async function team(server: TestServer, token: string) {
  const res = await fetch(`${server.url}/api/team`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return teamResponseSchema.parse(await res.json());
}

describe('manual assignment: transfers, the open-conversation limit, offline agents', () => {
  let server: TestServer;
  const agents = {} as Record<
    'ana' | 'bo' | 'cy' | 'admin',
    { id: string; token: string; socket: AgentClient }
  >;

  beforeAll(async () => {
    server = await startTestServer({ AGENT_MAX_OPEN_CONVERSATIONS: '2', AGENT_OFFLINE_GRACE_MS: '200' });
    for (const [key, name, role] of [
      ['ana', 'Ana', 'agent'],
      ['bo', 'Bo', 'agent'],
      ['cy', 'Cy', 'agent'],
      ['admin', 'Ada Admin', 'admin'],
    ] as const) {
      const login = await server.createAgent({ name, role });
      agents[key] = {
        id: login.agent.id,
        token: login.token,
        socket: await server.connectAgent(login.token),
      };
    }
  });
  afterAll(() => server.close());

  const claim = (who: AgentClient, conversationId: string) =>
    who.emitWithAck('conversation:claim', { conversationId });
  const transfer = (who: AgentClient, conversationId: string, toAgentId: string) =>
    who.emitWithAck('conversation:transfer', { conversationId, toAgentId });

  it('lists the active team with presence and load for every agent', async () => {
    const list = await team(server, agents.bo.token);
    expect(list.assignment).toMatchObject({ mode: 'manual', maxOpen: 2 });
    expect(list.members.find((m) => m.id === agents.ana.id)).toMatchObject({ presence: 'online', open: 0 });
    expect((await agents.ana.socket.emitWithAck('presence:set', { status: 'away' })).ok).toBe(true);
    expect((await team(server, agents.bo.token)).members.find((m) => m.id === agents.ana.id)?.presence).toBe(
      'away',
    );
    await agents.ana.socket.emitWithAck('presence:set', { status: 'online' });
    const bad = await agents.ana.socket.emitWithAck('presence:set', { status: 'offline' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('transfers to another agent: the customer is told who took over, every console sees the new owner', async () => {
    const { visitor, conversationId } = await escalated(server);
    expect((await claim(agents.ana.socket, conversationId)).ok).toBe(true);
    const notice = waitForEvent<Message>(
      visitor as never,
      'message:created',
      (m) => m.notice === 'transferred',
    );
    const seenByCy = waitForEvent<Conversation>(
      agents.cy.socket as never,
      'conversation:updated',
      (c) => c.id === conversationId && c.assignee?.id === agents.bo.id,
    );
    const ack = await transfer(agents.ana.socket, conversationId, agents.bo.id);
    expect(ack.ok && ack.data.conversation).toMatchObject({ state: 'agent', assignee: { id: agents.bo.id } });
    expect((await notice).text).toBe('Bo has taken over the conversation.');
    await seenByCy;
    // Only the owner (or an admin) transfers; an agent can't transfer to themselves or to nobody.
    expect(await transfer(agents.ana.socket, conversationId, agents.cy.id)).toMatchObject({
      ok: false,
      error: { code: 'not_owner' },
    });
    expect(await transfer(agents.bo.socket, conversationId, agents.bo.id)).toMatchObject({
      ok: false,
      error: { code: 'invalid_state' },
    });
    expect(await transfer(agents.bo.socket, conversationId, 'agt_missing')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const admin = await transfer(agents.admin.socket, conversationId, agents.ana.id);
    expect(admin.ok && admin.data.conversation.assignee?.id).toBe(agents.ana.id);
    await agents.ana.socket.emitWithAck('conversation:close', { conversationId });
  });

  it('lets exactly one of two concurrent transfers win', async () => {
    const { visitor, conversationId } = await escalated(server);
    await claim(agents.ana.socket, conversationId);
    const notices = collectEvents<Message>(visitor as never, 'message:created');
    const [toBo, toCy] = await Promise.all([
      transfer(agents.ana.socket, conversationId, agents.bo.id),
      transfer(agents.ana.socket, conversationId, agents.cy.id),
    ]);
    expect([toBo.ok, toCy.ok].filter(Boolean)).toHaveLength(1);
    const loser = toBo.ok ? toCy : toBo;
    expect(loser.ok ? null : ['not_owner', 'conflict']).toContain(loser.ok ? null : loser.error.code);
    await server.settle(visitor);
    expect(notices.filter((m) => m.notice === 'transferred')).toHaveLength(1);
    const owner = (await server.store.getConversation(conversationId))?.assignee?.id;
    expect(owner).toBe(toBo.ok ? agents.bo.id : agents.cy.id);
    await (owner === agents.bo.id ? agents.bo : agents.cy).socket.emitWithAck('conversation:close', {
      conversationId,
    });
  });

  it('refuses a claim or a transfer beyond the limit with at_capacity, changing nothing', async () => {
    const first = await escalated(server);
    const second = await escalated(server);
    const third = await escalated(server);
    expect((await claim(agents.cy.socket, first.conversationId)).ok).toBe(true);
    expect((await claim(agents.cy.socket, second.conversationId)).ok).toBe(true);
    const refused = await claim(agents.cy.socket, third.conversationId);
    expect(refused).toMatchObject({ ok: false, error: { code: 'at_capacity' } });
    expect(await server.store.getConversation(third.conversationId)).toMatchObject({
      state: 'queued',
      assignee: null,
    });
    expect((await claim(agents.bo.socket, third.conversationId)).ok).toBe(true);
    expect(await transfer(agents.bo.socket, third.conversationId, agents.cy.id)).toMatchObject({
      ok: false,
      error: { code: 'at_capacity' },
    });
    expect((await team(server, agents.ana.token)).members.find((m) => m.id === agents.cy.id)?.open).toBe(2);
    // Closing one frees a place.
    await agents.cy.socket.emitWithAck('conversation:close', { conversationId: first.conversationId });
    expect((await transfer(agents.bo.socket, third.conversationId, agents.cy.id)).ok).toBe(true);
    for (const { conversationId } of [second, third])
      await agents.cy.socket.emitWithAck('conversation:close', { conversationId });
  });

  it('returns the conversations of an agent whose consoles are gone past the grace period to the queue', async () => {
    const { visitor, conversationId } = await escalated(server);
    const leaver = await server.createAgent({ name: 'Lee Leaver' });
    const socket = await server.connectAgent(leaver.token);
    expect((await claim(socket, conversationId)).ok).toBe(true);
    const left = waitForEvent<Message>(visitor as never, 'message:created', (m) => m.notice === 'agent_left');
    const queued = waitForEvent<Conversation>(
      agents.ana.socket as never,
      'conversation:escalated',
      (c) => c.id === conversationId && c.state === 'queued',
    );
    socket.disconnect();
    expect((await left).text).toMatch(/Lee Leaver had to leave/);
    expect((await queued).assignee).toBeNull();
    expect(
      (await team(server, agents.ana.token)).members.find((m) => m.id === leaver.agent.id)?.presence,
    ).toBe('offline');
  });

  it('keeps the conversations of an agent who reconnects within the grace period', async () => {
    const { conversationId } = await escalated(server);
    const flaky = await server.createAgent({ name: 'Fay Flaky' });
    const first = await server.connectAgent(flaky.token);
    expect((await claim(first, conversationId)).ok).toBe(true);
    // A second console of the same agent stays: leaving one of two tabs is not going offline.
    await server.connectAgent(flaky.token);
    // The marker: another agent who leaves right after; once their conversation is back in the queue, the
    // grace period that started first has run out too (same length, timers fire in order).
    const other = await escalated(server);
    const marker = await server.createAgent({ name: 'Mo Marker' });
    const markerSocket = await server.connectAgent(marker.token);
    expect((await claim(markerSocket, other.conversationId)).ok).toBe(true);
    const markerReturned = waitForEvent<Conversation>(
      agents.ana.socket as never,
      'conversation:escalated',
      (c) => c.id === other.conversationId,
    );
    first.disconnect();
    markerSocket.disconnect();
    await markerReturned;
    await server.app.ctx.conversationQueue.drain();
    expect(await server.store.getConversation(conversationId)).toMatchObject({
      state: 'agent',
      assignee: { id: flaky.agent.id },
    });
  });
});

describe('automatic assignment', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ ASSIGNMENT_MODE: 'auto', AGENT_MAX_OPEN_CONVERSATIONS: '2' });
  });
  afterAll(() => server.close());

  it('gives each new escalation to the least busy online agent under their limit, never an away one', async () => {
    const busy = await server.createAgent({ name: 'Busy Bea' });
    const idle = await server.createAgent({ name: 'Idle Ike' });
    const away = await server.createAgent({ name: 'Away Al' });
    const beaSocket = await server.connectAgent(busy.token);
    const first = await escalated(server);
    expect(await server.store.getConversation(first.conversationId)).toMatchObject({
      state: 'agent',
      assignee: { id: busy.agent.id },
    });
    await server.connectAgent(idle.token);
    const awaySocket = await server.connectAgent(away.token);
    expect((await awaySocket.emitWithAck('presence:set', { status: 'away' })).ok).toBe(true);

    const joined = (visitor: WidgetClient) =>
      waitForEvent<Message>(visitor as never, 'message:created', (m) => m.notice === 'agent_joined');
    const second = await escalated(server);
    expect(await server.store.getConversation(second.conversationId)).toMatchObject({
      assignee: { id: idle.agent.id },
    });
    const stored = await server.store.listMessages(second.conversationId, {
      afterSeq: 0,
      includeInternal: false,
    });
    expect(stored.find((m) => m.notice === 'agent_joined')?.text).toBe('Idle Ike joined the conversation.');
    // Bea 1, Ike 1: the tie goes either way, then the other; then both are full and it waits in the queue.
    await escalated(server);
    await escalated(server);
    const owned = await server.store.countOwnedConversations();
    expect(owned[busy.agent.id]).toBe(2);
    expect(owned[idle.agent.id]).toBe(2);
    expect(owned[away.agent.id]).toBeUndefined();
    const waiting = await escalated(server);
    expect(await server.store.getConversation(waiting.conversationId)).toMatchObject({ state: 'queued' });

    // Al comes back: the queue is handed out to him.
    const seen = joined(waiting.visitor);
    await awaySocket.emitWithAck('presence:set', { status: 'online' });
    await seen;
    expect(await server.store.getConversation(waiting.conversationId)).toMatchObject({
      assignee: { id: away.agent.id },
    });

    // Everyone full: the next one waits, and goes out as soon as a place comes free.
    await escalated(server);
    const last = await escalated(server);
    expect(await server.store.getConversation(last.conversationId)).toMatchObject({ state: 'queued' });
    const handedOut = joined(last.visitor);
    const [beaFirst] = await server.store.listConversations({
      states: ['agent'],
      assigneeId: busy.agent.id,
      limit: 1,
    });
    const closed = await beaSocket.emitWithAck('conversation:close', { conversationId: beaFirst?.id ?? '' });
    expect(closed.ok).toBe(true);
    expect((await handedOut).text).toBe('Busy Bea joined the conversation.');
    beaSocket.disconnect();
  });
});

describe('the assignment mode, chosen by an admin', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const put = (token: string, body: unknown) =>
    fetch(`${server.url}/api/admin/assignment`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('switches every node to automatic assignment and back; only admins may, and bad input changes nothing', async () => {
    const admin = await server.createAgent({ name: 'Ada', role: 'admin' });
    const agent = await server.createAgent({ name: 'Ann' });
    await server.connectAgent(agent.token);
    expect((await team(server, agent.token)).assignment.mode).toBe('manual');

    expect((await put(agent.token, { mode: 'auto' })).status).toBe(403);
    for (const bad of [{ mode: 'sometimes' }, {}, { mode: 'auto', extra: 1 }])
      expect((await put(admin.token, bad)).status).toBe(400);
    expect((await team(server, agent.token)).assignment.mode).toBe('manual');

    const saved = await put(admin.token, { mode: 'auto' });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ mode: 'auto' });
    const assigned = await escalated(server);
    expect(await server.store.getConversation(assigned.conversationId)).toMatchObject({
      state: 'agent',
      assignee: { id: agent.agent.id },
    });
    const audit = await server.store.listAudit(10);
    expect(audit.find((e) => e.action === 'assignment.changed')?.data).toEqual({
      from: 'manual',
      to: 'auto',
    });

    expect((await put(admin.token, { mode: 'manual' })).status).toBe(200);
    const waiting = await escalated(server);
    expect(await server.store.getConversation(waiting.conversationId)).toMatchObject({ state: 'queued' });
  });
});
