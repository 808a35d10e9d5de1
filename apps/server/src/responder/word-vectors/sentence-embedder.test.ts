import { describe, expect, it } from 'vitest';
import { SentenceEmbedder } from './sentence-embedder';
import { WordVectors } from './word-vectors';

/** Words by frequency rank, with 3-d vectors: a shared "function word" direction and two topics. */
const table: Array<[string, number[]]> = [
  ['the', [1, 0.1, 0]],
  ['do', [1, 0, 0.1]],
  ['not', [0.9, -0.2, 0.3]],
  ['my', [1, 0.2, 0.1]],
  ['card', [0.3, 1, 0]],
  ['refund', [0.3, 0, 1]],
  ['money', [0.2, 0.1, 0.9]],
];
const vectors = WordVectors.quantize(
  table.map(([word, vector], rank) => ({ word, rank, vector })),
  3,
  1000,
);

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((sum, value, i) => sum + value * b[i]!, 0);

describe('SentenceEmbedder', () => {
  it('weighs frequent words less (SIF weight from the frequency rank)', () => {
    const embedder = new SentenceEmbedder(vectors);
    expect(embedder.weightOf(0)).toBeLessThan(embedder.weightOf(100));
    expect(embedder.weightOf(100)).toBeLessThan(embedder.weightOf(100_000));
    expect(embedder.weightOf(100_000)).toBeLessThan(1);
  });

  it('gives unit vectors, and none for a question without known words', () => {
    const embedder = new SentenceEmbedder(vectors);
    const vector = embedder.embed('my card')!;
    expect(dot(vector, vector)).toBeCloseTo(1, 6);
    expect(embedder.embed('xyzzy plugh')).toBeUndefined();
    expect(embedder.embed('')).toBeUndefined();
  });

  it('relates questions by meaning: the refund question is closer to "money" than to "card"', () => {
    const embedder = new SentenceEmbedder(vectors).fit(['the card', 'my refund', 'do not', 'my money']);
    const refund = embedder.embed('my refund')!;
    expect(dot(refund, embedder.embed('the money')!)).toBeGreaterThan(
      dot(refund, embedder.embed('the card')!),
    );
  });

  it('removes the component every training question shares', () => {
    const questions = ['the card', 'my refund', 'do not', 'my money', 'the refund money'];
    const fitted = new SentenceEmbedder(vectors).fit(questions);
    const plain = new SentenceEmbedder(vectors);
    // The shared direction here is the function words' (first axis): removing it leaves topics apart.
    const topical = (embedder: SentenceEmbedder) =>
      dot(embedder.embed('my card')!, embedder.embed('my refund')!);
    expect(topical(fitted)).toBeLessThan(topical(plain));
  });

  it('looks contractions up as their words ("don\'t" → "do not")', () => {
    const embedder = new SentenceEmbedder(vectors);
    expect([...embedder.embed("don't")!]).toEqual([...embedder.embed('do not')!]);
    expect(embedder.embed('dont')).toBeDefined();
  });
});
