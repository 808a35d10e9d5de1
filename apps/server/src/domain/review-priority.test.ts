import { describe, expect, it } from 'vitest';
import { orderForReview, reviewPriority } from './review-priority';

describe('reviewPriority', () => {
  it.each([
    [0.78, 14, { uncertainty: 0.22, similar: 14, value: 3.08 }],
    [0.5, 0, { uncertainty: 0.5, similar: 0, value: 0 }],
    [1, 30, { uncertainty: 0, similar: 30, value: 0 }],
    [null, 3, { uncertainty: 1, similar: 3, value: 3 }],
    [0.333, 3, { uncertainty: 0.67, similar: 3, value: 2.01 }],
  ] as const)('confidence %s × %s similar', (confidence, similar, expected) => {
    expect(reviewPriority(confidence, similar)).toEqual(expected);
  });
});

describe('orderForReview', () => {
  const row = (id: string, seconds: number, value: number) => ({
    id,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seconds)).toISOString(),
    priority: { uncertainty: 0.5, similar: value * 2, value },
  });
  const rows = [row('a', 1, 2), row('b', 2, 5), row('c', 3, 2), row('d', 4, 0)];
  it.each([
    ['value', ['b', 'c', 'a', 'd']],
    ['newest', ['d', 'c', 'b', 'a']],
    ['oldest', ['a', 'b', 'c', 'd']],
  ] as const)('%s', (order, ids) => {
    expect(orderForReview(rows, order).map((r) => r.id)).toEqual(ids);
  });

  it('leaves its input as it was', () => {
    orderForReview(rows, 'value');
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
