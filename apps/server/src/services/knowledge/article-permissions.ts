import type { Agent } from '@hitl/shared/models';
import { DomainError } from '../domain-error';

/** Every agent reads the knowledge base; reviewers and admins, who review corrections, also edit it. */
export function assertMayEditKnowledge(agent: Agent): void {
  if (agent.role === 'agent')
    throw new DomainError('forbidden', 'Only reviewers and admins can change the knowledge base.');
}
