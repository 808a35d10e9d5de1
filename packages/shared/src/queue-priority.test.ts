import { describe, expect, it } from 'vitest';
import type { EscalationSignal, Reason } from './models';
import {
  orderQueue,
  type Prioritised,
  type SeverityTier,
  severityRank,
  severityTier,
  topReason,
} from './queue-priority';

const reason = (signal: EscalationSignal, value: number | string = 1): Reason => ({ signal, value });

const conversation = (
  id: string,
  escalatedAt: string | null,
  ...signals: EscalationSignal[]
): Prioritised => ({
  id,
  reasons: signals.map((signal) => reason(signal)),
  escalatedAt,
  updatedAt: '2025-01-15T09:30:00.000Z',
});

const minute = (m: number) => new Date(Date.UTC(2025, 0, 15, 9, m)).toISOString();

describe('severityTier', () => {
  it.each<[EscalationSignal, SeverityTier]>([
    ['topic_rule', 'high_stakes'],
    ['sensitive_data', 'sensitive_data'],
    ['negative_sentiment', 'anger'],
    ['sentiment_trend', 'anger'],
    ['customer_request', 'customer_request'],
    ['low_confidence', 'low_confidence'],
    ['repeated_fallback', 'low_confidence'],
    ['model_unavailable', 'other'],
    ['review_band', 'other'],
  ])('%s ranks as %s', (signal, tier) => {
    expect(severityTier({ signal })).toBe(tier);
  });
});

describe('severityRank', () => {
  it.each<[EscalationSignal[], number]>([
    [['topic_rule'], 0],
    [['low_confidence', 'sensitive_data'], 1],
    [['low_confidence', 'negative_sentiment', 'customer_request'], 2],
    [['customer_request'], 3],
    [['repeated_fallback', 'low_confidence'], 4],
    [['model_unavailable'], 5],
    [[], 6],
  ])('%j → %i', (signals, rank) => {
    expect(severityRank(signals.map((signal) => ({ signal })))).toBe(rank);
  });
});

describe('topReason', () => {
  it.each<[EscalationSignal[], EscalationSignal | null]>([
    [['low_confidence', 'topic_rule'], 'topic_rule'],
    [['customer_request', 'sentiment_trend', 'low_confidence'], 'sentiment_trend'],
    [['review_band', 'low_confidence'], 'low_confidence'],
    [[], null],
  ])('%j → %s', (signals, top) => {
    expect(topReason(signals.map((signal) => reason(signal)))?.signal ?? null).toBe(top);
  });

  it('keeps the first listed among reasons of the same tier', () => {
    const first = reason('negative_sentiment', -0.8);
    expect(topReason([reason('low_confidence'), first, reason('sentiment_trend', 3)])).toBe(first);
  });
});

describe('orderQueue', () => {
  it.each<[string, Prioritised[], string[]]>([
    [
      'a legal threat before an earlier low-confidence escalation',
      [conversation('unsure', minute(1), 'low_confidence'), conversation('legal', minute(9), 'topic_rule')],
      ['legal', 'unsure'],
    ],
    [
      'the full severity ladder, whatever the waiting times',
      [
        conversation('other', minute(0), 'model_unavailable'),
        conversation('unsure', minute(1), 'low_confidence'),
        conversation('asked', minute(2), 'customer_request'),
        conversation('angry', minute(3), 'negative_sentiment'),
        conversation('card', minute(4), 'sensitive_data'),
        conversation('legal', minute(5), 'topic_rule'),
        conversation('none', minute(0)),
      ],
      ['legal', 'card', 'angry', 'asked', 'unsure', 'other', 'none'],
    ],
    [
      'the longest waiting first within a tier',
      [
        conversation('late', minute(8), 'customer_request'),
        conversation('early', minute(2), 'customer_request'),
        conversation('middle', minute(5), 'customer_request', 'low_confidence'),
      ],
      ['early', 'middle', 'late'],
    ],
    [
      'the last change counts as waiting when there was no escalation time',
      [
        conversation('escalated', minute(40), 'low_confidence'),
        conversation('never', null, 'low_confidence'),
      ],
      ['never', 'escalated'],
    ],
    [
      'ids break exact ties',
      [conversation('b', minute(3)), conversation('a', minute(3))].map((c) => ({
        ...c,
        reasons: [reason('sentiment_trend')],
      })),
      ['a', 'b'],
    ],
    [
      'an unreadable time waits least within its tier',
      [
        conversation('broken', 'not a time', 'sensitive_data'),
        conversation('fine', minute(50), 'sensitive_data'),
      ],
      ['fine', 'broken'],
    ],
  ])('%s', (_name, input, expected) => {
    const copy = [...input];
    expect(orderQueue(input).map((c) => c.id)).toEqual(expected);
    expect(input).toEqual(copy);
  });
});
