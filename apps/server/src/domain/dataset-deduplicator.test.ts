import { describe, expect, it } from 'vitest';
import { createDeduplicator, type DuplicateVerdict } from './dataset-deduplicator';
import { createPairFingerprinter } from './dataset-fingerprint';

const question = 'Hi, my order 48213 has not arrived yet and it has been ten days. Where is it now?';
const answer =
  'Sorry for the wait. Order 48213 left our warehouse on Monday and is with the carrier; deliveries to ' +
  'Leeds take five business days, so it should reach you by the end of the week. If it has not arrived ' +
  'by then, reply here and we will send a replacement at no cost. You can follow the parcel from the ' +
  'link in your confirmation e-mail at any time, and the carrier will text you on the day it comes.';

/** The exact Jaccard similarity of two pairs' word 3-shingles. */
function jaccard(a: [string, string], b: [string, string]): number {
  const fingerprint = createPairFingerprinter();
  const setA = new Set(fingerprint(...a).shingles);
  const setB = new Set(fingerprint(...b).shingles);
  const shared = [...setA].filter((s) => setB.has(s)).length;
  return shared / (setA.size + setB.size - shared);
}

/** The verdict on the second pair after the first was kept. */
function second(first: [string, string], next: [string, string]): DuplicateVerdict {
  const deduplicator = createDeduplicator();
  expect(deduplicator.classify(...first)).toBe('unique');
  return deduplicator.classify(...next);
}

describe('createDeduplicator', () => {
  it.each<[string, [string, string], DuplicateVerdict]>([
    ['the same pair', [question, answer], 'duplicate'],
    [
      'other case, punctuation and spacing',
      [question.toUpperCase(), `  ${answer.replace(/[,;.]/g, ' ')}!! `],
      'duplicate',
    ],
    ['one word appended to a long answer', [question, `${answer} Thanks`], 'near_duplicate'],
    [
      'one word changed in the middle of a long answer',
      [question, answer.replace('Monday', 'Tuesday')],
      'near_duplicate',
    ],
    [
      'the same answer to another question',
      ['Can I pay with PayPal for the Summit backpack?', answer],
      'unique',
    ],
    ['another answer to the same question', [question, 'We accept Visa, Mastercard and PayPal.'], 'unique'],
    [
      'half of the answer rewritten',
      [question, `${answer.slice(0, answer.length / 2)} Call us any day.`],
      'unique',
    ],
  ])('%s', (_, next, verdict) => {
    const similarity = jaccard([question, answer], next);
    // The cases sit well away from the 0.9 threshold, where the estimate may fall either side.
    if (verdict === 'near_duplicate') expect(similarity).toBeGreaterThanOrEqual(0.9);
    if (verdict === 'unique') expect(similarity).toBeLessThan(0.8);
    expect(second([question, answer], next)).toBe(verdict);
  });

  it('folds compatibility forms: full-width letters are the same words', () => {
    expect(second(['Ｈｉ there', 'ｆｉｎｅ'], ['hi there', 'fine'])).toBe('duplicate');
  });

  it('needs both texts to match: a short pair with one word changed is a new example', () => {
    expect(
      second(['where is my tent?', 'It ships today.'], ['where is my tent?', 'It ships tomorrow.']),
    ).toBe('unique');
  });

  it('keeps the first of a group and counts a copy of a near-duplicate as a duplicate', () => {
    const deduplicator = createDeduplicator();
    const near: [string, string] = [question, `${answer} Thanks`];
    expect([
      deduplicator.classify(question, answer),
      deduplicator.classify(...near),
      deduplicator.classify(...near),
      deduplicator.classify(question, answer),
    ]).toEqual(['unique', 'near_duplicate', 'duplicate', 'duplicate']);
    expect(deduplicator.size).toBe(1);
  });

  it('tells thousands of distinct pairs apart', () => {
    const deduplicator = createDeduplicator();
    const verdicts = new Map<DuplicateVerdict, number>();
    for (let i = 0; i < 5000; i++) {
      const verdict = deduplicator.classify(
        `order ${100_000 + i * 7} for customer ${i % 97} has a problem with item ${i % 13}`,
        `We looked at order ${100_000 + i * 7}: replacement ${i * 31} ships on day ${i % 28} to store ${i % 89}.`,
      );
      verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
    }
    expect(verdicts.get('unique')).toBe(5000);
    expect(deduplicator.size).toBe(5000);
  });

  it('handles empty and one-word texts', () => {
    const deduplicator = createDeduplicator();
    expect(deduplicator.classify('', '')).toBe('unique');
    expect(deduplicator.classify('', '')).toBe('duplicate');
    expect(deduplicator.classify('hi', 'hello')).toBe('unique');
    expect(deduplicator.classify('hi', 'bye')).toBe('unique');
  });
});
