import {
  type SiteKey,
  type SiteKeyCreateRequest,
  type SiteKeyPatchRequest,
  siteKeyListResponseSchema,
  siteKeyResponseSchema,
} from '@hitl/shared/site-keys';
import { fetchJson, fetchParsed } from './http';

const pathOf = (key: string) => `/api/admin/site-keys/${encodeURIComponent(key)}`;

export async function listSiteKeys(): Promise<SiteKey[]> {
  return (await fetchParsed(siteKeyListResponseSchema, '/api/admin/site-keys')).siteKeys;
}

export async function createSiteKey(input: SiteKeyCreateRequest): Promise<SiteKey> {
  return (await fetchParsed(siteKeyResponseSchema, '/api/admin/site-keys', { method: 'POST', body: input }))
    .siteKey;
}

export async function changeSiteKey(key: string, patch: SiteKeyPatchRequest): Promise<SiteKey> {
  return (await fetchParsed(siteKeyResponseSchema, pathOf(key), { method: 'PATCH', body: patch })).siteKey;
}

/** Answered with 204 and no body. */
export async function deleteSiteKey(key: string): Promise<void> {
  await fetchJson(pathOf(key), { method: 'DELETE' });
}
