import type { Agent } from '@hitl/shared/models';
import { assertPermitted } from '../auth/assert-permitted';

/** Every agent reads the knowledge base; reviewers and admins, who review corrections, also edit it. */
export function assertMayEditKnowledge(agent: Agent): void {
  assertPermitted(agent, 'knowledge.edit');
}
