import type { Agent } from '@hitl/shared/models';
import { can, type Permission, refusals } from '@hitl/shared/permissions';
import { DomainError } from '../domain-error';

/** Throws `forbidden` (with the table's message) unless the agent's role has the permission. */
export function assertPermitted(agent: Agent, permission: Permission): void {
  if (!can(agent.role, permission)) throw new DomainError('forbidden', refusals[permission]);
}
