import type { CorrectionStatsResponse } from '@hitl/shared/rest';
import { describe, expect, it } from 'vitest';
import {
  emptyFilters,
  filterParams,
  hasNarrowingFilters,
  localMidnight,
  matchesFilters,
  mergeOptions,
  noOptions,
} from './correction-query';

const startOf = (year: number, month: number, day: number) => new Date(year, month - 1, day).toISOString();

describe('correction filters as query parameters', () => {
  it('sends only the status when nothing narrows the list', () => {
    expect(filterParams(emptyFilters).toString()).toBe('status=pending');
    expect(hasNarrowingFilters(emptyFilters)).toBe(false);
  });

  it('sends every chosen filter, the date range covering both days shown', () => {
    const filters = {
      status: 'approved' as const,
      kind: 'human_answer' as const,
      reason: 'tone' as const,
      topic: 'shipping',
      agentId: 'agt_1',
      sinceDate: '2025-01-15',
      untilDate: '2025-01-31',
    };
    const params = filterParams(filters);
    expect(Object.fromEntries(params)).toEqual({
      status: 'approved',
      kind: 'human_answer',
      reason: 'tone',
      topic: 'shipping',
      agentId: 'agt_1',
      since: startOf(2025, 1, 15),
      until: startOf(2025, 2, 1),
    });
    expect(filterParams(filters, 'any').get('status')).toBe('any');
    expect(hasNarrowingFilters(filters)).toBe(true);
  });

  it('ignores a date that is not a date', () => {
    expect(localMidnight('15/01/2025')).toBeNull();
    expect(filterParams({ ...emptyFilters, sinceDate: 'soon' }).has('since')).toBe(false);
  });
});

describe('a correction arriving live', () => {
  const correction = {
    kind: 'rewritten_reply' as const,
    reasons: ['wrong_fact' as const],
    topic: 'shipping',
    agent: { id: 'agt_1', name: 'Ana' },
    createdAt: new Date(2025, 0, 20, 12).toISOString(),
    review: { status: 'pending' as const, reviewer: null, at: null, note: null, edited: false },
  };

  it('is listed only when it matches every filter', () => {
    expect(matchesFilters(correction, emptyFilters)).toBe(true);
    expect(matchesFilters(correction, { ...emptyFilters, status: 'approved' })).toBe(false);
    expect(matchesFilters(correction, { ...emptyFilters, kind: 'human_answer' })).toBe(false);
    expect(matchesFilters(correction, { ...emptyFilters, reason: 'wrong_fact' })).toBe(true);
    expect(matchesFilters(correction, { ...emptyFilters, reason: 'tone' })).toBe(false);
    expect(matchesFilters(correction, { ...emptyFilters, topic: 'returns' })).toBe(false);
    expect(matchesFilters(correction, { ...emptyFilters, agentId: 'agt_2' })).toBe(false);
    expect(matchesFilters(correction, { ...emptyFilters, untilDate: '2025-01-20' })).toBe(true);
    expect(matchesFilters(correction, { ...emptyFilters, untilDate: '2025-01-19' })).toBe(false);
    expect(matchesFilters(correction, { ...emptyFilters, sinceDate: '2025-01-21' })).toBe(false);
  });
});

describe('author and topic choices', () => {
  const stats = (byAgent: string[], byTopic: string[]) =>
    ({
      byAgent: byAgent.map((name) => ({
        agent: { id: `agt_${name}`, name },
        total: 1,
        agreed: 0,
        edited: 0,
        disagreed: 0,
      })),
      byTopic: Object.fromEntries(byTopic.map((topic) => [topic, 1])),
    }) as CorrectionStatsResponse;

  it('keeps every author and topic seen, sorted, without the unknown topic', () => {
    const first = mergeOptions(noOptions, stats(['Rui', 'Ana'], ['shipping', 'unknown']));
    const second = mergeOptions(first, stats(['Bea'], ['returns']));
    expect(second.agents.map((agent) => agent.name)).toEqual(['Ana', 'Bea', 'Rui']);
    expect(second.topics).toEqual(['returns', 'shipping']);
  });
});
