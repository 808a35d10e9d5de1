import type { CannedResponse } from '@hitl/shared/canned-responses';
import { describe, expect, it } from 'vitest';
import { cannedMatches } from './canned-matches';

const canned = (shortcut: string, title: string): CannedResponse => ({
  id: `can_${shortcut}`,
  shortcut,
  title,
  text: title,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: null,
});

const all = [
  canned('shipping', 'Shipping times'),
  canned('refund', 'Refund on its way'),
  canned('greeting', 'Greeting'),
  canned('partial-refund', 'Partial refund'),
  canned('late', 'Parcel is late (refund offered)'),
];

describe('cannedMatches', () => {
  it.each([
    ['', ['greeting', 'late', 'partial-refund', 'refund', 'shipping']],
    ['ref', ['refund', 'late', 'partial-refund']],
    ['REF', ['refund', 'late', 'partial-refund']],
    ['times', ['shipping']],
    ['zzz', []],
  ])('/%s', (query, shortcuts) => {
    expect(cannedMatches(all, query).map((c) => c.shortcut)).toEqual(shortcuts);
  });
});
