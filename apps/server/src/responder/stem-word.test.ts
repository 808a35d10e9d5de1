import { describe, expect, it } from 'vitest';
import { stemWord } from './stem-word';

describe('stemWord', () => {
  it.each([
    [['ship', 'ships', 'shipping', 'shipped'], 'ship'],
    [['arrive', 'arrives', 'arrived', 'arriving'], 'arriv'],
    [['refund', 'refunds', 'refunded', 'refunding'], 'refund'],
    [['delivery', 'deliveries'], 'delivery'],
    [['charge', 'charged', 'charges'], 'charg'],
    [['quick', 'quickly'], 'quick'],
  ])('maps the inflections %j onto one stem', (words, stem) => {
    expect(words.map(stemWord)).toEqual(words.map(() => stem));
  });

  it.each(['us', 'is', 'bus', 'free', 'fee', 'size', 'hi'])(
    'leaves short or special words like %j readable',
    (word) => {
      expect(stemWord(word).length).toBeGreaterThanOrEqual(Math.min(word.length, 3) - 1);
      expect(word.startsWith(stemWord(word))).toBe(true);
    },
  );
});
