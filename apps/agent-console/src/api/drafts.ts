import type { DraftApproveInput, DraftResult, DraftReviseInput } from '@hitl/shared/agent-events';
import type { Message } from '@hitl/shared/models';
import { draftListResponseSchema } from '@hitl/shared/rest';
import { type AgentSocket, request } from './agent-socket';
import { fetchParsed } from './http';

export type DraftDecision = 'draft:edit' | 'draft:reject';

/** Held bot replies still waiting for review, newest first. */
export async function listPendingDrafts(): Promise<Message[]> {
  const { drafts } = await fetchParsed(draftListResponseSchema, '/api/drafts');
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
