import type { Agent } from '@hitl/shared/models';
import type { SiteKey, SiteKeyCreateRequest, SiteKeyPatchRequest } from '@hitl/shared/site-keys';
import { createId } from '../../lib/ids';
import { StoreConflictError } from '../../store/store-errors';
import { assertPermitted } from '../auth/assert-permitted';
import { DomainError } from '../domain-error';
import { authorOf, nowIso, type ServiceContext } from '../service-context';

/** Every site key (admins only). */
export async function listSiteKeys(ctx: ServiceContext, admin: Agent): Promise<SiteKey[]> {
  assertPermitted(admin, 'site.manage');
  return ctx.siteKeys.list();
}

/** An admin adds a site key; pages may embed the widget with it from its origins at once. */
export async function createSiteKey(
  ctx: ServiceContext,
  admin: Agent,
  input: SiteKeyCreateRequest,
): Promise<SiteKey> {
  assertPermitted(admin, 'site.manage');
  // Seeded first, so a configured key of the same name cannot appear behind the admin's back later.
  await ctx.siteKeys.seeded();
  const at = nowIso(ctx);
  const siteKey = await ctx.store.createSiteKey({ ...input, updatedAt: at }).catch((error: unknown) => {
    if (error instanceof StoreConflictError)
      throw new DomainError('conflict', `The site key "${input.key}" exists already.`);
    throw error;
  });
  await audit(
    ctx,
    admin,
    'site-key.created',
    siteKey.key,
    { origins: siteKey.origins, name: siteKey.name },
    at,
  );
  return siteKey;
}

/** Changes a key's origins, greeting or name; the next widget session and socket on any node see it. */
export async function updateSiteKey(
  ctx: ServiceContext,
  admin: Agent,
  key: string,
  patch: SiteKeyPatchRequest,
): Promise<SiteKey> {
  assertPermitted(admin, 'site.manage');
  const before = await ctx.siteKeys.find(key);
  if (!before) throw new DomainError('not_found', 'No such site key.');
  const at = nowIso(ctx);
  const after = await ctx.store.updateSiteKey(key, { ...patch, updatedAt: at });
  if (!after) throw new DomainError('not_found', 'No such site key.');
  await audit(ctx, admin, 'site-key.updated', key, changes(before, after), at);
  return after;
}

/** Removes a key: pages embedding it can no longer open widget sessions (tokens already given stop too). */
export async function deleteSiteKey(ctx: ServiceContext, admin: Agent, key: string): Promise<void> {
  assertPermitted(admin, 'site.manage');
  await ctx.siteKeys.seeded();
  const before = await ctx.store.getSiteKey(key);
  if (!before || !(await ctx.store.deleteSiteKey(key)))
    throw new DomainError('not_found', 'No such site key.');
  await audit(ctx, admin, 'site-key.deleted', key, { origins: before.origins }, nowIso(ctx));
}

/** What changed, field by field, with the old and new value, for the audit trail. */
function changes(before: SiteKey, after: SiteKey): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of ['name', 'origins', 'greeting'] as const) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      data[field] = { from: before[field], to: after[field] };
  }
  return data;
}

function audit(
  ctx: ServiceContext,
  admin: Agent,
  action: string,
  target: string,
  data: Record<string, unknown>,
  at: string,
) {
  return ctx.store.appendAudit({ id: createId('aud'), actor: authorOf(admin), action, target, data, at });
}
