import type { Conversation } from '@hitl/shared/models';
import { claimConversation } from '../claim-conversation';
import { DomainError } from '../domain-error';
import type { ServiceContext } from '../service-context';
import { readAssignmentMode } from './assignment-mode';

/**
 * In automatic mode, gives a queued conversation to the least busy online agent under their limit
 * (fewest owned conversations, then the longest-known id order for ties). Each try is an ordinary claim,
 * so the store's limit and compare-and-set decide: an agent who filled up meanwhile is skipped, and a
 * conversation someone claimed meanwhile is left alone. Null when nobody could take it.
 */
export async function autoAssign(ctx: ServiceContext, conversationId: string): Promise<Conversation | null> {
  if ((await readAssignmentMode(ctx)) !== 'auto') return null;
  const presence = await ctx.notifier.agentPresence();
  const online = [...presence].filter(([, status]) => status === 'online').map(([id]) => id);
  if (online.length === 0) return null;
  const owned = await ctx.store.countOwnedConversations();
  const load = (id: string) => owned[id] ?? 0;
  const limit = ctx.assignment.maxOpen;
  const candidates = online
    .filter((id) => limit === null || load(id) < limit)
    .sort((a, b) => load(a) - load(b) || a.localeCompare(b));
  for (const id of candidates) {
    const agent = await ctx.store.getAgent(id);
    if (!agent?.active) continue;
    try {
      return await claimConversation(ctx, agent, conversationId, ['queued']);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'at_capacity') continue;
      if (error instanceof DomainError) return null; // claimed, closed or gone meanwhile
      throw error;
    }
  }
  return null;
}

const WAITING_PAGE = 50;

/** Automatic mode: hands out the queue, longest waiting first, until nobody online has room. */
export async function assignWaiting(ctx: ServiceContext): Promise<number> {
  if ((await readAssignmentMode(ctx)) !== 'auto') return 0;
  const queued = await ctx.store.listConversations({ states: ['queued'], limit: WAITING_PAGE });
  queued.sort((a, b) => (a.escalatedAt ?? a.updatedAt).localeCompare(b.escalatedAt ?? b.updatedAt));
  let assigned = 0;
  for (const conversation of queued) {
    if (!(await autoAssign(ctx, conversation.id))) break;
    assigned++;
  }
  return assigned;
}
