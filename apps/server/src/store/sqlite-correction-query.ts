import type { CorrectionFilter } from '@hitl/shared/rest';
import type { SqlParams } from './sqlite-database';
import { toUtcIso } from './timestamps';

/** SQL conditions for a correction filter, ready to be joined with AND. */
export interface CorrectionQuery {
  conditions: string[];
  params: SqlParams;
}

/**
 * Translates the shared filter. `since` is inclusive and `until` exclusive; both are normalised
 * to UTC `toISOString()` form so they compare correctly with the stored timestamps even when the
 * caller wrote them with an offset.
 */
export function buildCorrectionQuery(filter: CorrectionFilter): CorrectionQuery {
  const conditions: string[] = [];
  const params: SqlParams = {};
  if (filter.status !== 'any') {
    conditions.push('review_status = @status');
    params.status = filter.status;
  }
  if (filter.kind !== undefined) {
    conditions.push('kind = @kind');
    params.kind = filter.kind;
  }
  if (filter.reason !== undefined) {
    conditions.push('EXISTS (SELECT 1 FROM json_each(corrections.reasons) WHERE json_each.value = @reason)');
    params.reason = filter.reason;
  }
  if (filter.topic !== undefined) {
    conditions.push('topic = @topic');
    params.topic = filter.topic;
  }
  if (filter.agentId !== undefined) {
    conditions.push('agent_id = @agentId');
    params.agentId = filter.agentId;
  }
  if (filter.since !== undefined) {
    conditions.push('created_at >= @since');
    params.since = toUtcIso(filter.since);
  }
  if (filter.until !== undefined) {
    conditions.push('created_at < @until');
    params.until = toUtcIso(filter.until);
  }
  return { conditions, params };
}

export function whereClause(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}
