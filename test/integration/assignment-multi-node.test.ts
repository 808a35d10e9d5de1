import type { Conversation } from '@hitl/shared/models';
import { teamResponseSchema } from '@hitl/shared/team-presence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  connectAgentSocket,
  connectWidgetSocket,
  loginAgentOver,
  openVisitorSession,
} from '../support/clients';
import { startTwoNodes, type TwoNodes } from '../support/two-nodes';
import { waitForEvent } from '../support/wait-for';

const ADMIN = { email: 'admin@example.com', password: 'assignment-nodes-password' };
let nodes: TwoNodes;
let adminToken: string;
let adminOnA: AgentClient;

const track = <T extends { disconnect(): void }>(c: T) => nodes.track(c);

async function invite(name: string): Promise<{ id: string; token: string }> {
  const email = `${name.toLowerCase()}@example.com`;
  const res = await fetch(`${nodes.nodeA.url}/api/admin/agents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email, name }),
  });
  const { agent, password } = (await res.json()) as { agent: { id: string }; password: string };
  return { id: agent.id, token: (await loginAgentOver(nodes.nodeB.url, email, password)).token };
}

/** A customer on node A who asks for a person; resolves with the queued conversation's id. */
async function escalatedOnA(): Promise<string> {
  const session = await openVisitorSession(nodes.nodeA.url);
  const widget = track(await connectWidgetSocket(nodes.nodeA.url, session.token));
  const queued = waitForEvent<Conversation>(adminOnA as never, 'conversation:escalated');
  const ack = await widget.emitWithAck('message:send', {
    clientId: crypto.randomUUID(),
    text: 'a human please',
  });
  if (!ack.ok) throw new Error(ack.error.message);
  await queued;
  return ack.data.conversation.id;
}

async function presenceOf(agentId: string, url: string) {
  const res = await fetch(`${url}/api/team`, { headers: { authorization: `Bearer ${adminToken}` } });
  return teamResponseSchema.parse(await res.json()).members.find((m) => m.id === agentId)?.presence;
}

beforeAll(async () => {
  nodes = await startTwoNodes(ADMIN.password, { AGENT_OFFLINE_GRACE_MS: '300' });
  adminToken = (await loginAgentOver(nodes.nodeA.url, ADMIN.email, ADMIN.password)).token;
  adminOnA = track(await connectAgentSocket(nodes.nodeA.url, adminToken));
});
afterAll(() => nodes?.stop());

describe('presence and transfers across two nodes', () => {
  it('node A sees an agent connected to node B, with the state their console reported', async () => {
    const member = await invite('Bea');
    const onB = track(await connectAgentSocket(nodes.nodeB.url, member.token));
    expect(await presenceOf(member.id, nodes.nodeA.url)).toBe('online');
    expect((await onB.emitWithAck('presence:set', { status: 'away' })).ok).toBe(true);
    expect(await presenceOf(member.id, nodes.nodeA.url)).toBe('away');
    await onB.emitWithAck('presence:set', { status: 'online' });
  });

  it('an admin on node A transfers to an agent on node B, who sees it live', async () => {
    const member = await invite('Cid');
    const onB = track(await connectAgentSocket(nodes.nodeB.url, member.token));
    const conversationId = await escalatedOnA();
    expect((await adminOnA.emitWithAck('conversation:claim', { conversationId })).ok).toBe(true);
    const seen = waitForEvent<Conversation>(
      onB as never,
      'conversation:updated',
      (c) => c.id === conversationId && c.assignee?.id === member.id,
    );
    const ack = await adminOnA.emitWithAck('conversation:transfer', { conversationId, toAgentId: member.id });
    expect(ack.ok).toBe(true);
    await seen;
  });

  it('an agent still connected to the other node is not offline: only all consoles gone returns the conversations', async () => {
    const member = await invite('Dee');
    const onA = track(await connectAgentSocket(nodes.nodeA.url, member.token));
    const onB = track(await connectAgentSocket(nodes.nodeB.url, member.token));
    const conversationId = await escalatedOnA();
    expect((await onA.emitWithAck('conversation:claim', { conversationId })).ok).toBe(true);
    // The marker: another agent leaving node A right after; once theirs is back in the queue, node A's
    // check for Dee (same grace period, started first) has run too.
    const marker = await invite('Mo');
    const markerOnA = track(await connectAgentSocket(nodes.nodeA.url, marker.token));
    const markerConversation = await escalatedOnA();
    expect(
      (await markerOnA.emitWithAck('conversation:claim', { conversationId: markerConversation })).ok,
    ).toBe(true);
    const markerBack = waitForEvent<Conversation>(
      adminOnA as never,
      'conversation:escalated',
      (c) => c.id === markerConversation,
    );
    onA.disconnect();
    markerOnA.disconnect();
    await markerBack;
    const kept = await fetch(`${nodes.nodeA.url}/api/conversations/${conversationId}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(((await kept.json()) as { conversation: Conversation }).conversation.assignee?.id).toBe(member.id);

    const back = waitForEvent<Conversation>(
      adminOnA as never,
      'conversation:escalated',
      (c) => c.id === conversationId,
    );
    onB.disconnect();
    expect((await back).state).toBe('queued');
  });
});
