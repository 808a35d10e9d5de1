import { describe, expect, it } from 'vitest';
import { BlendedRanker } from './blended-ranker';
import { extractFeatures } from './extract-features';
import { SimilarityClassifier } from './similarity-classifier';
import { TfidfVectorizer } from './tfidf-vectorizer';

const examples: Array<[label: string, text: string]> = [
  ['shipping', 'how long does shipping take'],
  ['shipping', 'when will my parcel arrive'],
  ['shipping', 'delivery time to canada'],
  ['refund', 'where is my refund'],
  ['refund', 'when do i get my money back'],
  ['refund', 'refund has not arrived yet'],
];
const groups = new Map([
  ['shipping', 0],
  ['refund', 1],
]);

function build() {
  const features = examples.map(([, text]) => extractFeatures(text));
  const vectorizer = new TfidfVectorizer().fit(features);
  const similarity = new SimilarityClassifier();
  examples.forEach(([label], i) => {
    similarity.addExample(label, vectorizer.transform(features[i]!));
  });
  const ranker = new BlendedRanker(similarity, (label) => groups.get(label), groups.size);
  return { ranker, embed: (text: string) => vectorizer.transform(extractFeatures(text)) };
}

describe('BlendedRanker', () => {
  it('ranks the class a question belongs to first, scores in [0, 1]', () => {
    const { ranker, embed } = build();
    const ranked = ranker.rank(embed('how long will shipping take to arrive'));
    expect(ranked[0]?.label).toBe('shipping');
    for (const { score } of ranked) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('keeps a question that resembles nothing low', () => {
    const { ranker, embed } = build();
    expect(ranker.rank(embed('zebra xylophone'))[0]?.score ?? 0).toBeLessThan(0.2);
  });

  it('lets a learned class without a group win for its own question', () => {
    const { ranker, embed } = build();
    ranker.learn('learned:poles', embed('do you sell spare tent poles'));
    expect(ranker.size).toBe(examples.length + 1);
    expect(ranker.rank(embed('do you sell spare tent poles?'))[0]?.label).toBe('learned:poles');
  });

  it('ranks each example held out, and again without its answer', () => {
    const { ranker } = build();
    const { label, ranked, withoutAnswer } = ranker.rankHeldOut(0);
    expect(label).toBe('shipping');
    expect(ranked.map((score) => score.label).sort()).toEqual(['refund', 'shipping']);
    expect(withoutAnswer.map((score) => score.label)).toEqual(['refund']);
  });

  it('hides the nearest other answers too when asked', () => {
    const { ranker } = build();
    expect(ranker.rankHeldOut(0, 1).withoutAnswer).toEqual([]);
    expect(ranker.rankHeldOut(0, 5).withoutAnswer).toEqual([]);
  });
});
