import { describe, expect, it } from 'vitest';
import { extractFeatures } from './extract-features';
import { QuestionEncoder } from './question-encoder';
import { cosine } from './question-similarity';
import { TfidfVectorizer } from './tfidf-vectorizer';
import { SentenceEmbedder } from './word-vectors/sentence-embedder';
import { WordVectors } from './word-vectors/word-vectors';

const vectors = WordVectors.quantize(
  [
    ['fee', [0.2, 1, 0]],
    ['charge', [0.25, 0.95, 0.05]],
    ['card', [0.1, 0, 1]],
    ['lost', [1, 0.2, 0.3]],
  ].map(([word, vector], rank) => ({ word: word as string, rank: rank + 1000, vector: vector as number[] })),
  3,
  100_000,
);
const questions = ['what is the fee', 'I lost my card', 'card fee'];

describe('QuestionEncoder', () => {
  it('is TF-IDF alone without word vectors', () => {
    const encoder = new QuestionEncoder(undefined).fit(questions);
    const tfidf = new TfidfVectorizer().fit(questions.map((question) => extractFeatures(question)));
    expect(encoder.encode('what is the fee')).toEqual(tfidf.transform(extractFeatures('what is the fee')));
    expect(encoder.usesWordVectors).toBe(false);
  });

  it('blends the two cosines by the dense share, at unit length', () => {
    const embedder = new SentenceEmbedder(vectors);
    const encoder = new QuestionEncoder(embedder, 0.3).fit(questions);
    const tfidfOnly = new QuestionEncoder(undefined).fit(questions);
    const a = encoder.encode('what is the fee');
    const b = encoder.encode('is there a charge');
    expect(cosine(a, a)).toBeCloseTo(1, 5);
    const dense = cosine(
      { indices: Int32Array.from([0, 1, 2]), values: Float32Array.from(embedder.embed('what is the fee')!) },
      {
        indices: Int32Array.from([0, 1, 2]),
        values: Float32Array.from(embedder.embed('is there a charge')!),
      },
    );
    const sparse = cosine(tfidfOnly.encode('what is the fee'), tfidfOnly.encode('is there a charge'));
    expect(cosine(a, b)).toBeCloseTo(0.7 * sparse + 0.3 * dense, 5);
    // "charge" was never trained on, yet the sentence vectors relate it to "fee".
    expect(sparse).toBe(0);
    expect(cosine(a, b)).toBeGreaterThan(0.2);
  });
});
