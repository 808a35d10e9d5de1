import type { EscalationPolicy } from '@hitl/shared/policy';
import type { AuditEventView, PolicyResponse } from '@hitl/shared/rest';
import { fetchJson } from './http';

export function fetchPolicy(): Promise<PolicyResponse> {
  return fetchJson<PolicyResponse>('/api/admin/policy');
}

/** Replaces the whole policy; the server answers 400 with every problem it found, 403 for non-admins. */
export function savePolicy(policy: EscalationPolicy): Promise<PolicyResponse> {
  return fetchJson<PolicyResponse>('/api/admin/policy', { method: 'PUT', body: policy });
}

export async function listAuditEvents(limit = 100): Promise<AuditEventView[]> {
  const query = new URLSearchParams({ limit: String(limit) });
  const { events } = await fetchJson<{ events: AuditEventView[] }>(`/api/admin/audit?${query}`);
  return events;
}
