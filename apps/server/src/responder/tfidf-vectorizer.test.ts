import { describe, expect, it } from 'vitest';
import { extractFeatures } from './extract-features';
import type { SparseVector } from './sparse-vector';
import { TfidfVectorizer } from './tfidf-vectorizer';

const corpus = [
  'how long does shipping take',
  'how much is shipping',
  'where is my parcel',
  'reset my password',
];
const squaredNorm = (vector: SparseVector) => vector.values.reduce((sum, value) => sum + value * value, 0);
const dot = (a: SparseVector, b: SparseVector) => {
  const weights = new Map<number, number>();
  a.indices.forEach((index, i) => {
    weights.set(index, a.values[i]!);
  });
  return [...b.indices].reduce((sum, index, i) => sum + (weights.get(index) ?? 0) * b.values[i]!, 0);
};

describe('TfidfVectorizer', () => {
  const vectorizer = new TfidfVectorizer().fit(corpus.map(extractFeatures));

  it('gives training documents unit length', () => {
    for (const text of corpus)
      expect(squaredNorm(vectorizer.transform(extractFeatures(text)))).toBeCloseTo(1, 5);
  });

  it('counts unseen words in the length, so an unfamiliar question is less similar', () => {
    const known = vectorizer.transform(extractFeatures('how long does shipping take'));
    const padded = vectorizer.transform(extractFeatures('how long does shipping take to the moon by rocket'));
    expect(squaredNorm(padded)).toBeLessThan(0.9);
    expect(dot(known, padded)).toBeLessThan(dot(known, known));
    expect(vectorizer.transform(extractFeatures('zebra quantum')).indices.length).toBe(0);
  });

  it('weighs a rare word above a common one', () => {
    // Same length, so as many character n-grams; "shipping" is in two documents, "password" in one.
    const vector = vectorizer.transform(extractFeatures('shipping password'));
    const only = (text: string) => vectorizer.transform(extractFeatures(text));
    expect(dot(vector, only('password'))).toBeGreaterThan(dot(vector, only('shipping')));
  });

  it('extends its vocabulary without changing known weights', () => {
    const extended = new TfidfVectorizer().fit(corpus.map(extractFeatures));
    const before = extended.transform(extractFeatures('where is my parcel'));
    const size = extended.vocabularySize;
    extended.extend(extractFeatures('spare tent poles'));
    expect(extended.vocabularySize).toBeGreaterThan(size);
    expect(extended.transform(extractFeatures('where is my parcel'))).toEqual(before);
    expect(squaredNorm(extended.transform(extractFeatures('spare tent poles')))).toBeCloseTo(1, 5);
  });
});
