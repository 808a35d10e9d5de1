import {
  type CannedResponse,
  type CannedResponseContent,
  type CannedResponseList,
  cannedResponseListResponseSchema,
  cannedResponseResponseSchema,
} from '@hitl/shared/canned-responses';
import { fetchJson, fetchParsed } from './http';

export function listCannedResponses(): Promise<CannedResponseList> {
  return fetchParsed(cannedResponseListResponseSchema, '/api/canned-responses');
}

export async function createCannedResponse(content: CannedResponseContent): Promise<CannedResponse> {
  const body = await fetchParsed(cannedResponseResponseSchema, '/api/canned-responses', {
    method: 'POST',
    body: content,
  });
  return body.cannedResponse;
}

/** Refused with 409 `conflict` when another canned response has the shortcut. */
export async function updateCannedResponse(
  id: string,
  content: CannedResponseContent,
): Promise<CannedResponse> {
  const body = await fetchParsed(
    cannedResponseResponseSchema,
    `/api/canned-responses/${encodeURIComponent(id)}`,
    {
      method: 'PUT',
      body: content,
    },
  );
  return body.cannedResponse;
}

export async function deleteCannedResponse(id: string): Promise<void> {
  await fetchJson(`/api/canned-responses/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
