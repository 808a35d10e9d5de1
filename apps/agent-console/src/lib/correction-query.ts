import type { Author, Correction, CorrectionKind, CorrectionReason, ReviewStatus } from '@hitl/shared/models';
import type { CorrectionStatsResponse } from '@hitl/shared/rest';

export type CorrectionStatusFilter = ReviewStatus | 'any';

/** The corrections page's filters; empty strings mean "any". Dates are `YYYY-MM-DD` in local time. */
export type CorrectionFilters = {
  status: CorrectionStatusFilter;
  kind: CorrectionKind | '';
  reason: CorrectionReason | '';
  topic: string;
  agentId: string;
  sinceDate: string;
  untilDate: string;
};

export const emptyFilters: CorrectionFilters = {
  status: 'pending',
  kind: '',
  reason: '',
  topic: '',
  agentId: '',
  sinceDate: '',
  untilDate: '',
};

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight starting `date` (`YYYY-MM-DD`), `days` later, as an ISO instant; null when not a date. */
export function localMidnight(date: string, days = 0): string | null {
  const match = datePattern.exec(date);
  if (!match) return null;
  const [, year, month, day] = match;
  const instant = new Date(Number(year), Number(month) - 1, Number(day) + days);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/**
 * The filters as the server's query parameters (`correctionFilterSchema`). The date range is
 * inclusive of both days shown: `since` is the start of the first day, `until` the start of the
 * day after the last.
 */
export function filterParams(
  filters: CorrectionFilters,
  status: CorrectionStatusFilter = filters.status,
): URLSearchParams {
  const params = new URLSearchParams({ status });
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.reason) params.set('reason', filters.reason);
  if (filters.topic) params.set('topic', filters.topic);
  if (filters.agentId) params.set('agentId', filters.agentId);
  const since = localMidnight(filters.sinceDate);
  if (since) params.set('since', since);
  const until = localMidnight(filters.untilDate, 1);
  if (until) params.set('until', until);
  return params;
}

export function hasNarrowingFilters(filters: CorrectionFilters): boolean {
  return Boolean(
    filters.kind ||
      filters.reason ||
      filters.topic ||
      filters.agentId ||
      filters.sinceDate ||
      filters.untilDate,
  );
}

/** Choices for the agent and topic selects: everything seen in any stats so far, sorted by name. */
export type FilterOptions = { agents: Author[]; topics: string[] };

export const noOptions: FilterOptions = { agents: [], topics: [] };

/** Adds the authors and topics of `stats` (never `unknown`, which no filter can select). */
export function mergeOptions(current: FilterOptions, stats: CorrectionStatsResponse): FilterOptions {
  const agents = new Map(current.agents.map((agent) => [agent.id, agent]));
  for (const { agent } of stats.byAgent) agents.set(agent.id, agent);
  const topics = new Set(current.topics);
  for (const topic of Object.keys(stats.byTopic)) if (topic !== 'unknown') topics.add(topic);
  return {
    agents: [...agents.values()].sort((a, b) => a.name.localeCompare(b.name)),
    topics: [...topics].sort(),
  };
}

/** Whether a correction (e.g. one that just arrived live) belongs in the list for `filters`. */
export function matchesFilters(
  correction: Pick<Correction, 'kind' | 'reasons' | 'topic' | 'agent' | 'createdAt' | 'review'>,
  filters: CorrectionFilters,
): boolean {
  if (filters.status !== 'any' && correction.review.status !== filters.status) return false;
  if (filters.kind && correction.kind !== filters.kind) return false;
  if (filters.reason && !correction.reasons.includes(filters.reason)) return false;
  if (filters.topic && correction.topic !== filters.topic) return false;
  if (filters.agentId && correction.agent.id !== filters.agentId) return false;
  const created = Date.parse(correction.createdAt);
  const since = localMidnight(filters.sinceDate);
  if (since && created < Date.parse(since)) return false;
  const until = localMidnight(filters.untilDate, 1);
  if (until && created >= Date.parse(until)) return false;
  return true;
}
