import type { EscalationPolicy } from '@hitl/shared/policy';
import {
  type AuditEventView,
  auditListResponseSchema,
  type PolicyResponse,
  policyResponseSchema,
} from '@hitl/shared/rest';
import { fetchParsed } from './http';

export function fetchPolicy(): Promise<PolicyResponse> {
  return fetchParsed(policyResponseSchema, '/api/admin/policy');
}

/** Replaces the whole policy; the server answers 400 with every problem it found, 403 for non-admins. */
export function savePolicy(policy: EscalationPolicy): Promise<PolicyResponse> {
  return fetchParsed(policyResponseSchema, '/api/admin/policy', { method: 'PUT', body: policy });
}

export async function listAuditEvents(limit = 100): Promise<AuditEventView[]> {
  const query = new URLSearchParams({ limit: String(limit) });
  return (await fetchParsed(auditListResponseSchema, `/api/admin/audit?${query}`)).events;
}
