import type { Agent } from '@hitl/shared/models';
import type { LoginRequest, LoginResponse } from '@hitl/shared/rest';
import { ApiRequestError } from './api-error';
import { fetchJson } from './http';

export async function login(credentials: LoginRequest): Promise<Agent> {
  const { agent } = await fetchJson<LoginResponse>('/api/auth/login', { method: 'POST', body: credentials });
  return agent;
}

/** The signed-in agent, or null when there is no valid session. */
export async function fetchCurrentAgent(): Promise<Agent | null> {
  try {
    const { agent } = await fetchJson<{ agent: Agent }>('/api/auth/me');
    return agent;
  } catch (error) {
    if (error instanceof ApiRequestError && error.code === 'unauthorized') return null;
    throw error;
  }
}

export async function logout(): Promise<void> {
  await fetchJson<void>('/api/auth/logout', { method: 'POST' });
}
