import type { DraftApproveInput, DraftResult, DraftReviseInput } from '@hitl/shared/agent-events';
import type { Message } from '@hitl/shared/models';
import { type AgentSocket, request } from './agent-socket';
import { fetchJson } from './http';

export type DraftDecision = 'draft:edit' | 'draft:reject';

/** Held bot replies still waiting for review, newest first. */
export async function listPendingDrafts(): Promise<Message[]> {
  const { drafts } = await fetchJson<{ drafts: Message[] }>('/api/drafts');
  return drafts;
}

/** Sends the held reply to the customer as it is. */
export function approveDraft(socket: AgentSocket, input: DraftApproveInput): Promise<DraftResult> {
  return request(socket, 'draft:approve', input);
}

/** Edit: the agent's text goes out as the bot's reply. Reject: it goes out as the agent's own reply. */
export function reviseDraft(
  socket: AgentSocket,
  decision: DraftDecision,
  input: DraftReviseInput,
): Promise<DraftResult> {
  return request(socket, decision, input);
}
