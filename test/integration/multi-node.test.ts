import type { Conversation, Message } from '@hitl/shared/models';
import type { QueueStatus } from '@hitl/shared/queue-wait';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  connectAgentSocket,
  connectWidgetSocket,
  loginAgentOver,
  openVisitorSession,
  type WidgetClient,
} from '../support/clients';
import type { ServerProcess } from '../support/server-process';
import { startTwoNodes, type TwoNodes } from '../support/two-nodes';
import { waitForEvent } from '../support/wait-for';

const ADMIN = { email: 'admin@example.com', password: 'multi-node-password' };
let nodes: TwoNodes;
let nodeA: ServerProcess;
let nodeB: ServerProcess;

beforeAll(async () => {
  nodes = await startTwoNodes(ADMIN.password);
  ({ nodeA, nodeB } = nodes);
});

afterAll(() => nodes?.stop());

const track = <T extends { disconnect(): void }>(c: T) => nodes.track(c);

describe('two server nodes sharing one store and one Redis', () => {
  it('failed logins on node A count on node B (the limits live in Redis)', async () => {
    const attempt = (url: string) =>
      fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'guessed@example.com', password: 'not-the-password' }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt(nodeA.url)).status).toBe(401);
    const onB = await attempt(nodeB.url);
    expect(onB.status).toBe(429);
    expect(Number(onB.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a logout on node A disconnects the session’s socket on node B', async () => {
    const { token } = await loginAgentOver(nodeA.url, ADMIN.email, ADMIN.password);
    const onB = track(await connectAgentSocket(nodeB.url, token));
    const ended = new Promise<string>((resolve) => onB.once('disconnect', resolve));
    const res = await fetch(`${nodeA.url}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(204);
    expect(await ended).toBe('io server disconnect');
  });

  it('a deactivation on node A ends the member’s socket on node B', async () => {
    const admin = await loginAgentOver(nodeA.url, ADMIN.email, ADMIN.password);
    const invited = await fetch(`${nodeA.url}/api/admin/agents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'leaving@example.com', name: 'Leaving Member' }),
    });
    const { agent, password } = (await invited.json()) as { agent: { id: string }; password: string };
    const member = await loginAgentOver(nodeB.url, 'leaving@example.com', password);
    const onB = track(await connectAgentSocket(nodeB.url, member.token));
    const ended = new Promise<string>((resolve) => onB.once('disconnect', resolve));
    const res = await fetch(`${nodeA.url}/api/admin/agents/${agent.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ active: false }),
    });
    expect(res.status).toBe(200);
    expect(await ended).toBe('io server disconnect');
    const rest = await fetch(`${nodeB.url}/api/conversations?limit=1`, {
      headers: { authorization: `Bearer ${member.token}` },
    });
    expect(rest.status).toBe(401);
  });

  it('a site key edited on node A applies on node B at once: greeting and allowed origins', async () => {
    const admin = await loginAgentOver(nodeA.url, ADMIN.email, ADMIN.password);
    const res = await fetch(`${nodeA.url}/api/admin/site-keys/demo`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ origins: ['self', 'https://partner.example'], greeting: 'Hello from node A' }),
    });
    expect(res.status).toBe(200);
    const onB = await fetch(`${nodeB.url}/api/widget/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://partner.example' },
      body: JSON.stringify({ siteKey: 'demo' }),
    });
    expect(onB.status).toBe(200);
    expect(await onB.json()).toMatchObject({ greeting: 'Hello from node A' });
  });

  it('neither node prints the admin password the operator gave', () => {
    for (const node of [nodeA, nodeB]) {
      expect(node.output()).toContain('Agent login:');
      expect(node.output()).not.toContain(ADMIN.password);
    }
  });

  let visitorToken: string;
  let visitor: WidgetClient;
  let agent: AgentClient;
  let agentToken: string;
  let conversationId: string;

  it('a customer on node A escalates; an agent on node B sees it live', async () => {
    const session = await openVisitorSession(nodeA.url);
    visitorToken = session.token;
    visitor = track(await connectWidgetSocket(nodeA.url, visitorToken));
    agentToken = (await loginAgentOver(nodeB.url, ADMIN.email, ADMIN.password)).token;
    agent = track(await connectAgentSocket(nodeB.url, agentToken));

    const escalated = waitForEvent<Conversation>(agent as never, 'conversation:escalated');
    const ack = await visitor.emitWithAck('message:send', {
      clientId: crypto.randomUUID(),
      text: 'I want to talk to a person',
    });
    expect(ack.ok).toBe(true);
    const conversation = await escalated;
    conversationId = conversation.id;
    expect(conversation.reasons[0]?.signal).toBe('customer_request');
  });

  it('the agent on B claims and both exchange messages live across the nodes', async () => {
    const joined = waitForEvent<Message>(
      visitor as never,
      'message:created',
      (m) => m.notice === 'agent_joined',
    );
    const claim = await agent.emitWithAck('conversation:claim', { conversationId });
    expect(claim.ok).toBe(true);
    await joined;
    await agent.emitWithAck('conversation:watch', { conversationId, afterSeq: 0 });

    const toCustomer = waitForEvent<Message>(visitor as never, 'message:created', (m) => m.role === 'agent');
    await agent.emitWithAck('message:send', {
      conversationId,
      clientId: crypto.randomUUID(),
      text: 'Hello from B',
    });
    expect((await toCustomer).text).toBe('Hello from B');

    const toAgent = waitForEvent<Message>(agent as never, 'message:created', (m) => m.role === 'customer');
    await visitor.emitWithAck('message:send', {
      conversationId,
      clientId: crypto.randomUUID(),
      text: 'Hello from A',
    });
    expect((await toAgent).text).toBe('Hello from A');
  });

  it('clients that reconnect to the other node catch up with nothing lost or doubled', async () => {
    const seen = await visitor.emitWithAck('conversation:sync', { conversationId, afterSeq: 0 });
    if (!seen.ok) throw new Error('sync failed');
    const visitorLastSeq = seen.data.messages.at(-1)?.seq ?? 0;
    visitor.disconnect();

    const sent: string[] = [];
    for (const text of ['one', 'two', 'three']) {
      const ack = await agent.emitWithAck('message:send', {
        conversationId,
        clientId: crypto.randomUUID(),
        text,
      });
      expect(ack.ok).toBe(true);
      sent.push(text);
    }
    const onB = track(await connectWidgetSocket(nodeB.url, visitorToken));
    const caught = await onB.emitWithAck('conversation:sync', { conversationId, afterSeq: visitorLastSeq });
    if (!caught.ok) throw new Error('sync failed');
    expect(caught.data.messages.map((m) => m.text)).toEqual(sent);
    expect(new Set(caught.data.messages.map((m) => m.id)).size).toBe(sent.length);

    // The agent moves to node A and catches up on what the customer wrote meanwhile.
    const agentSeen = caught.data.messages.at(-1)?.seq ?? 0;
    agent.disconnect();
    await onB.emitWithAck('message:send', {
      conversationId,
      clientId: crypto.randomUUID(),
      text: 'still there?',
    });
    const agentOnA = track(await connectAgentSocket(nodeA.url, agentToken));
    const watch = await agentOnA.emitWithAck('conversation:watch', { conversationId, afterSeq: agentSeen });
    if (!watch.ok) throw new Error('watch failed');
    expect(watch.data.messages.map((m) => m.text)).toEqual(['still there?']);

    // Live again, now the other way round: agent on A, customer on B.
    const live = waitForEvent<Message>(onB as never, 'message:created', (m) => m.text === 'back on A');
    await agentOnA.emitWithAck('message:send', {
      conversationId,
      clientId: crypto.randomUUID(),
      text: 'back on A',
    });
    await live;
  });

  it('a claim on node A moves a customer waiting on node B up the queue, live', async () => {
    const waitOn = async (url: string) => {
      const socket = track(await connectWidgetSocket(url, (await openVisitorSession(url)).token));
      const queued = waitForEvent<{ state: string }>(
        socket as never,
        'conversation:updated',
        (c) => c.state === 'queued',
      );
      const ack = await socket.emitWithAck('message:send', {
        clientId: crypto.randomUUID(),
        text: 'I want to talk to a person',
      });
      if (!ack.ok) throw new Error(ack.error.message);
      await queued;
      return { socket, conversationId: ack.data.conversation.id };
    };
    const ahead = await waitOn(nodeA.url);
    const behind = await waitOn(nodeB.url);
    const sync = await behind.socket.emitWithAck('conversation:sync', {
      conversationId: behind.conversationId,
      afterSeq: 0,
    });
    const before = sync.ok ? (sync.data.queue?.position ?? 0) : 0;
    expect(before).toBeGreaterThanOrEqual(2);
    const movedUp = waitForEvent<QueueStatus>(
      behind.socket as never,
      'queue:position',
      (s) => s.conversationId === behind.conversationId && s.position === before - 1,
    );
    const agentOnA = track(
      await connectAgentSocket(
        nodeA.url,
        (await loginAgentOver(nodeA.url, ADMIN.email, ADMIN.password)).token,
      ),
    );
    const claim = await agentOnA.emitWithAck('conversation:claim', { conversationId: ahead.conversationId });
    expect(claim.ok).toBe(true);
    await movedUp;
  });
});

describe('the knowledge base on two nodes', () => {
  const article = {
    id: 'tent-rental',
    title: 'Tent rental',
    topic: 'products',
    answer: 'We do not rent tents, but our partner CampCo does: campco.example/rentals.',
    examples: ['do you rent tents?', 'can I rent a tent from you', 'is there tent hire'],
  };

  /** A new customer on `url` asks `text`; the bot's reply or the escalation notice. */
  async function askOn(url: string, text: string): Promise<Message> {
    const socket = track(await connectWidgetSocket(url, (await openVisitorSession(url)).token));
    const reply = waitForEvent<Message>(socket as never, 'message:created', (m) => m.role !== 'customer');
    const ack = await socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text });
    expect(ack.ok).toBe(true);
    return reply;
  }

  it('an article created on node A is answered from on node B without a restart', async () => {
    const question = 'Can I rent tents from you?';
    expect((await askOn(nodeB.url, question)).role).toBe('system');

    const { token } = await loginAgentOver(nodeA.url, ADMIN.email, ADMIN.password);
    const created = await fetch(`${nodeA.url}/api/knowledge/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(article),
    });
    expect(created.status).toBe(201);

    // Node B reloads when Redis delivers the change; ask again until it has (bounded by the deadline).
    const deadline = Date.now() + 10_000;
    let reply = await askOn(nodeB.url, question);
    while (reply.text !== article.answer && Date.now() < deadline) reply = await askOn(nodeB.url, question);
    expect(reply).toMatchObject({ role: 'bot', text: article.answer });
  });
});
