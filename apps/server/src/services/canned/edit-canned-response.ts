import type { CannedResponse, CannedResponseContent } from '@hitl/shared/canned-responses';
import type { Agent } from '@hitl/shared/models';
import { createId } from '../../lib/ids';
import { StoreConflictError } from '../../store/store-errors';
import { assertPermitted } from '../auth/assert-permitted';
import { DomainError } from '../domain-error';
import { authorOf, nowIso, type ServiceContext } from '../service-context';

/** A reviewer or admin adds a canned response; every agent can insert it from the next `/` on. */
export async function createCannedResponse(
  ctx: ServiceContext,
  agent: Agent,
  input: CannedResponseContent,
): Promise<CannedResponse> {
  assertPermitted(agent, 'canned.edit');
  const created = await ctx.store
    .createCannedResponse({
      id: createId('can'),
      ...contentOf(input),
      createdBy: authorOf(agent),
      createdAt: nowIso(ctx),
    })
    .catch(shortcutTaken(input.shortcut));
  await audit(ctx, agent, 'canned.created', created.id, { shortcut: created.shortcut, title: created.title });
  return created;
}

/** Replaces the content; a shortcut another canned response has is a 409. */
export async function updateCannedResponse(
  ctx: ServiceContext,
  agent: Agent,
  id: string,
  input: CannedResponseContent,
): Promise<CannedResponse> {
  assertPermitted(agent, 'canned.edit');
  const before = await ctx.store.getCannedResponse(id);
  if (!before) throw new DomainError('not_found', 'No such canned response.');
  const content = contentOf(input);
  const updated = await ctx.store
    .updateCannedResponse(id, { ...content, updatedBy: authorOf(agent), updatedAt: nowIso(ctx) })
    .catch(shortcutTaken(input.shortcut));
  if (!updated) throw new DomainError('not_found', 'No such canned response.');
  const changed = (['title', 'shortcut', 'text'] as const).filter((key) => before[key] !== content[key]);
  await audit(ctx, agent, 'canned.updated', id, { shortcut: updated.shortcut, changed });
  return updated;
}

export async function deleteCannedResponse(ctx: ServiceContext, agent: Agent, id: string): Promise<void> {
  assertPermitted(agent, 'canned.edit');
  const deleted = await ctx.store.deleteCannedResponse(id);
  if (!deleted) throw new DomainError('not_found', 'No such canned response.');
  // The audit keeps what was deleted, since nothing else does.
  await audit(ctx, agent, 'canned.deleted', id, {
    shortcut: deleted.shortcut,
    title: deleted.title,
    text: deleted.text,
  });
}

function contentOf(input: CannedResponseContent): CannedResponseContent {
  return { title: input.title, shortcut: input.shortcut, text: input.text };
}

function shortcutTaken(shortcut: string) {
  return (error: unknown): never => {
    if (error instanceof StoreConflictError)
      throw new DomainError('conflict', `Another canned response already has the shortcut /${shortcut}.`);
    throw error;
  };
}

async function audit(
  ctx: ServiceContext,
  agent: Agent,
  action: string,
  target: string,
  data: Record<string, unknown>,
): Promise<void> {
  await ctx.store.appendAudit({
    id: createId('aud'),
    actor: authorOf(agent),
    action,
    target,
    data,
    at: nowIso(ctx),
  });
}
