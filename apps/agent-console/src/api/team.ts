import type { Agent } from '@hitl/shared/models';
import {
  type AgentInvite,
  type AgentPatchRequest,
  agentInviteResponseSchema,
  agentListResponseSchema,
  agentResponseSchema,
} from '@hitl/shared/rest';
import { fetchParsed } from './http';

export async function listTeam(): Promise<Agent[]> {
  return (await fetchParsed(agentListResponseSchema, '/api/admin/agents')).agents;
}

/** Adds a member; the answer holds their first password, shown this once. */
export function inviteMember(input: AgentInvite): Promise<{ agent: Agent; password: string }> {
  return fetchParsed(agentInviteResponseSchema, '/api/admin/agents', { method: 'POST', body: input });
}

export async function changeMember(id: string, patch: AgentPatchRequest): Promise<Agent> {
  const path = `/api/admin/agents/${encodeURIComponent(id)}`;
  return (await fetchParsed(agentResponseSchema, path, { method: 'PATCH', body: patch })).agent;
}
