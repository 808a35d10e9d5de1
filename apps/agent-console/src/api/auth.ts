import type { Agent } from '@hitl/shared/models';
import { agentResponseSchema, type LoginRequest, loginResponseSchema } from '@hitl/shared/rest';
import { ApiRequestError } from './api-error';
import { fetchJson, fetchParsed } from './http';

export async function login(credentials: LoginRequest): Promise<Agent> {
  const { agent } = await fetchParsed(loginResponseSchema, '/api/auth/login', {
    method: 'POST',
    body: credentials,
  });
  return agent;
}

/** The signed-in agent, or null when there is no valid session. */
export async function fetchCurrentAgent(): Promise<Agent | null> {
  try {
    const { agent } = await fetchParsed(agentResponseSchema, '/api/auth/me');
    return agent;
  } catch (error) {
    if (error instanceof ApiRequestError && error.code === 'unauthorized') return null;
    throw error;
  }
}

export async function logout(): Promise<void> {
  // 204, no body to parse.
  await fetchJson('/api/auth/logout', { method: 'POST' });
}
