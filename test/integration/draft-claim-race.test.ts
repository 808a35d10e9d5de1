import type { Message } from '@hitl/shared/models';
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

const ADMIN = { email: 'admin@example.com', password: 'draft-claim-race-password' };
const RACES = 8;

let nodes: TwoNodes;
let reviewer: AgentClient;
let claimer: AgentClient;
let adminToken: string;

beforeAll(async () => {
  nodes = await startTwoNodes(ADMIN.password, { OVERSIGHT_MODE: 'approval' });
  adminToken = (await loginAgentOver(nodes.nodeA.url, ADMIN.email, ADMIN.password)).token;
  reviewer = nodes.track(await connectAgentSocket(nodes.nodeA.url, adminToken));
  const other = await loginAgentOver(nodes.nodeB.url, ADMIN.email, ADMIN.password);
  claimer = nodes.track(await connectAgentSocket(nodes.nodeB.url, other.token));
});
afterAll(() => nodes?.stop());

/**
 * Approval mode, two nodes on one store: an agent approves a held reply on node A while another claims
 * the conversation on node B. The store decides which came first: either the reply was published before
 * "agent joined", or the approval is refused and the draft stays pending, unsent. Never a reply from the
 * bot after the agent joined, never a draft marked approved that the customer did not get.
 */
describe('approving a draft on one node while it is claimed on another', () => {
  it(`keeps one consistent order in ${RACES} races`, async () => {
    const outcomes = { publishedFirst: 0, claimedFirst: 0 };
    for (let race = 0; race < RACES; race++) {
      const session = await openVisitorSession(nodes.nodeA.url);
      const widget = nodes.track(await connectWidgetSocket(nodes.nodeA.url, session.token));
      const drafted = waitForEvent<Message>(reviewer as never, 'draft:created');
      const sent = await widget.emitWithAck('message:send', {
        clientId: crypto.randomUUID(),
        text: 'How long does delivery take?',
      });
      if (!sent.ok) throw new Error(sent.error.message);
      const draft = await drafted;
      const conversationId = sent.data.conversation.id;
      const [approved, claimed] = await Promise.all([
        reviewer.emitWithAck('draft:approve', { messageId: draft.id }),
        claimer.emitWithAck('conversation:claim', { conversationId }),
      ]);
      expect(claimed.ok).toBe(true);

      const res = await fetch(`${nodes.nodeB.url}/api/conversations/${conversationId}`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      const { messages } = (await res.json()) as { messages: Message[] };
      const joinedAt = messages.find((m) => m.notice === 'agent_joined')?.seq ?? -1;
      expect(joinedAt).toBeGreaterThan(0);
      const botReplies = messages.filter((m) => m.role === 'bot' && m.visibility === 'public');
      expect(botReplies.every((m) => m.seq < joinedAt)).toBe(true);
      const stored = messages.find((m) => m.id === draft.id);
      if (approved.ok) {
        outcomes.publishedFirst++;
        expect(botReplies.map((m) => m.id)).toEqual([stored?.draft?.publishedMessageId]);
      } else {
        outcomes.claimedFirst++;
        expect(['invalid_state', 'conflict']).toContain(approved.error.code);
        expect(botReplies).toEqual([]);
        expect(stored?.draft).toMatchObject({ status: 'pending', publishedMessageId: null });
      }
    }
    expect(outcomes.publishedFirst + outcomes.claimedFirst).toBe(RACES);
  });
});
