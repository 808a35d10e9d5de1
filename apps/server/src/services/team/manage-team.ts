import { randomBytes } from 'node:crypto';
import type { Agent } from '@hitl/shared/models';
import type { AgentInvite, AgentPatchRequest } from '@hitl/shared/rest';
import { createId } from '../../lib/ids';
import { StoreConflictError } from '../../store/store-errors';
import { assertPermitted } from '../auth/assert-permitted';
import { hashPassword } from '../auth/password';
import { DomainError } from '../domain-error';
import { authorOf, nowIso, type ServiceContext } from '../service-context';
import { returnConversationsOf } from './return-conversations';

/** Every team member, active or not (admins only). */
export async function listTeam(ctx: ServiceContext, admin: Agent): Promise<Agent[]> {
  assertPermitted(admin, 'team.manage');
  return ctx.store.listAgents();
}

/**
 * An admin adds a team member with a generated password, returned once to be handed over; only its
 * hash is stored.
 */
export async function inviteAgent(
  ctx: ServiceContext,
  admin: Agent,
  input: AgentInvite,
): Promise<{ agent: Agent; password: string }> {
  assertPermitted(admin, 'team.manage');
  const password = randomBytes(12).toString('base64url');
  const at = nowIso(ctx);
  const agent = await ctx.store
    .createAgent({
      id: createId('agt'),
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(password),
      createdAt: at,
    })
    .catch((error: unknown) => {
      if (error instanceof StoreConflictError)
        throw new DomainError('conflict', 'A team member with this e-mail exists already.');
      throw error;
    });
  await ctx.store.appendAudit({
    id: createId('aud'),
    actor: authorOf(admin),
    action: 'agent.invited',
    target: agent.id,
    data: { email: agent.email, role: agent.role },
    at,
  });
  return { agent, password };
}

/**
 * Changes a member's role or (de)activates them. Either change ends all their sessions at once: the
 * store forgets the sessions (so the next request or socket event on any node is refused) and their
 * open sockets are disconnected on every node; they log in again with the new role. A deactivated
 * member's conversations go back to the queue. The team always keeps an active admin (the store
 * refuses the change otherwise).
 */
export async function changeAgent(
  ctx: ServiceContext,
  admin: Agent,
  agentId: string,
  patch: AgentPatchRequest,
): Promise<Agent> {
  assertPermitted(admin, 'team.manage');
  const before = await ctx.store.getAgent(agentId);
  if (!before) throw new DomainError('not_found', 'No such team member.');
  const after = await ctx.store.updateAgent(agentId, patch);
  if (after === null) throw new DomainError('not_found', 'No such team member.');
  if (after === 'last_admin') throw new DomainError('conflict', 'The team needs at least one active admin.');

  const deactivated = before.active && !after.active;
  if (deactivated || before.role !== after.role) {
    await ctx.store.deleteAgentSessions(agentId);
    ctx.notifier.agentSessionsEnded(agentId);
  }
  if (deactivated) await returnConversationsOf(ctx, after);
  await ctx.store.appendAudit({
    id: createId('aud'),
    actor: authorOf(admin),
    action: 'agent.updated',
    target: agentId,
    data: {
      before: { role: before.role, active: before.active },
      after: { role: after.role, active: after.active },
    },
    at: nowIso(ctx),
  });
  return after;
}
