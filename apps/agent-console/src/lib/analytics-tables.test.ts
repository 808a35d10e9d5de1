import type { AnalyticsResponse } from '@hitl/shared/analytics';
import { describe, expect, it } from 'vitest';
import { analyticsTables } from './analytics-tables';
import { toCsv } from './csv';
import { hasFigures } from './figure-table';

const duration = { count: 0, p50Ms: null, p90Ms: null, totalMs: 0 };
const empty: AnalyticsResponse = {
  from: '2025-01-15',
  to: '2025-01-16',
  siteKey: null,
  topic: null,
  volume: [
    { day: '2025-01-15', conversations: 0, customerMessages: 0 },
    { day: '2025-01-16', conversations: 0, customerMessages: 0 },
  ],
  automation: { conversations: 0, automated: 0, escalated: 0, automatedRate: null, escalationRate: null },
  escalationsByDay: [],
  escalationsByReason: [],
  escalationsByTopic: [],
  escalationsByDayAndTopic: [],
  topEscalatedQuestions: [],
  speed: { firstReply: duration, takeover: duration, handle: duration },
  expertTime: {
    correctionMs: 0,
    corrections: 0,
    measured: 0,
    draftMs: 0,
    draftsApproved: 0,
    draftsMeasured: 0,
    reviewMs: 0,
    reviews: 0,
    reviewsMeasured: 0,
  },
  drafts: { approved: 0, edited: 0, rejected: 0 },
  correctionsByTopic: [],
  correctionsByReason: [],
  agreement: { agreed: 0, edited: 0, disagreed: 0, rate: null },
  satisfaction: { bot: { ratings: 0, average: null }, agent: { ratings: 0, average: null } },
  learning: { byDay: [], byTopic: [] },
  reliability: {
    bins: Array.from({ length: 10 }, (_, i) => ({
      from: i / 10,
      to: (i + 1) / 10,
      answers: 0,
      right: 0,
      accuracy: null,
    })),
    targetAccuracy: 0.97,
    threshold: null,
    answeredAccuracy: null,
    reviews: 0,
  },
  agents: [],
  options: { siteKeys: [], topics: [] },
};

const byId = (data: AnalyticsResponse) => new Map(analyticsTables(data).map((t) => [t.id, t]));

describe('analyticsTables', () => {
  it('turns each figure into the rows its chart draws and its CSV holds', () => {
    const tables = byId({
      ...empty,
      volume: [
        { day: '2025-01-15', conversations: 3, customerMessages: 7 },
        { day: '2025-01-16', conversations: 1, customerMessages: 2 },
      ],
      speed: {
        firstReply: duration,
        takeover: { count: 2, p50Ms: 61_240, p90Ms: 120_000, totalMs: 181_240 },
        handle: duration,
      },
      automation: {
        conversations: 3,
        automated: 1,
        escalated: 2,
        automatedRate: 0.3333,
        escalationRate: 0.6667,
      },
    });
    const volume = tables.get('volume');
    expect(volume && toCsv(volume.columns, volume.rows)).toBe(
      'Day,Conversations,Customer messages\r\n2025-01-15,3,7\r\n2025-01-16,1,2\r\n',
    );
    expect(tables.get('speed')?.rows).toEqual([
      ['Time to first reply', 0, null, null],
      ['Time to takeover', 2, 61.2, 120],
      ['Agent handle time', 0, null, null],
    ]);
    expect(tables.get('automation')?.rows).toContainEqual(['Escalation rate (%)', 66.7]);
  });

  it('says a figure is empty when it has nothing but zeros, and the reliability diagram when nothing was reviewed', () => {
    const tables = byId(empty);
    for (const id of ['volume', 'automation', 'speed', 'drafts', 'reliability', 'agents'])
      expect(hasFigures(tables.get(id) ?? { id, title: '', columns: [], rows: [], chart: null }), id).toBe(
        false,
      );
  });

  it('pivots escalations by day and topic into a column per topic, most escalated first', () => {
    const table = byId({
      ...empty,
      escalationsByTopic: [
        { topic: 'shipping', count: 3 },
        { topic: 'returns', count: 1 },
      ],
      escalationsByDay: [
        { day: '2025-01-15', escalations: 2 },
        { day: '2025-01-16', escalations: 2 },
      ],
      escalationsByDayAndTopic: [
        { day: '2025-01-15', topic: 'returns', count: 1 },
        { day: '2025-01-15', topic: 'shipping', count: 1 },
        { day: '2025-01-16', topic: 'shipping', count: 2 },
      ],
    }).get('escalations-by-topic-over-time');
    expect(table?.columns).toEqual(['Day', 'shipping', 'returns']);
    expect(table?.rows).toEqual([
      ['2025-01-15', 1, 1],
      ['2025-01-16', 2, 0],
    ]);
  });

  it('names the threshold that keeps the target accuracy', () => {
    const tables = byId({
      ...empty,
      reliability: { ...empty.reliability, threshold: 0.72, answeredAccuracy: 0.9744, reviews: 120 },
    });
    expect(tables.get('reliability')?.note).toBe(
      'An answer threshold of 0.72 would have kept 97 % answered accuracy (97.4 % on 120 reviews).',
    );
  });
});
