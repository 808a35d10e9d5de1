import { describe, expect, it } from 'vitest';
import { extractFeatures } from './extract-features';
import { SimilarityClassifier } from './similarity-classifier';
import { TfidfVectorizer } from './tfidf-vectorizer';

const training: Array<[label: string, text: string]> = [
  ['shipping', 'how long does shipping take'],
  ['shipping', 'when will my order arrive'],
  ['shipping', 'delivery time for my parcel'],
  ['password', 'I forgot my password'],
  ['password', 'reset my password please'],
  ['refund', 'when do I get my refund'],
];

function build(examples = training) {
  const features = examples.map(([, text]) => extractFeatures(text));
  const vectorizer = new TfidfVectorizer().fit(features);
  const classifier = new SimilarityClassifier();
  examples.forEach(([label], i) => {
    classifier.addExample(label, vectorizer.transform(features[i]!));
  });
  return { vectorizer, classifier, vectorize: (text: string) => vectorizer.transform(extractFeatures(text)) };
}

describe('SimilarityClassifier', () => {
  it('ranks every class, best first, with scores between 0 and 1', () => {
    const { classifier, vectorize } = build();
    const ranked = classifier.rank(vectorize('how long will shipping take'));
    expect(ranked.map((score) => score.label)).toHaveLength(3);
    expect(ranked[0]!.label).toBe('shipping');
    for (const score of ranked) {
      expect(score.score).toBeGreaterThanOrEqual(0);
      expect(score.score).toBeLessThanOrEqual(1 + 1e-9);
    }
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it('scores an exact training question high and an unrelated one near 0', () => {
    const { vectorizer } = build();
    const nearest = new SimilarityClassifier({ neighbourWeight: 1, neighbours: 1 });
    for (const [label, text] of training)
      nearest.addExample(label, vectorizer.transform(extractFeatures(text)));
    const vectorize = (text: string) => vectorizer.transform(extractFeatures(text));
    expect(nearest.rank(vectorize('I forgot my password'))[0]!.score).toBeCloseTo(1, 5);
    expect(nearest.rank(vectorize('zebra crossing in space'))[0]!.score).toBeLessThan(0.05);
  });

  it('learns a new class from one example at any time', () => {
    const { classifier, vectorizer, vectorize } = build();
    const features = extractFeatures('do you sell spare tent poles');
    vectorizer.extend(features);
    classifier.addExample('poles', vectorizer.transform(features));
    expect(classifier.size).toBe(training.length + 1);
    expect(classifier.labels).toContain('poles');
    expect(classifier.rank(vectorize('spare poles for my tent'))[0]!.label).toBe('poles');
  });

  it('ranks a held-out example exactly as a classifier trained without it would', () => {
    const { classifier } = build();
    const heldOut = 1;
    const { label, ranked } = classifier.rankHeldOut(heldOut);
    expect(label).toBe('shipping');

    // Same vectoriser (so the same weights), but the example itself never added.
    const { vectorizer } = build();
    const without = new SimilarityClassifier();
    training.forEach(([name, text], i) => {
      if (i !== heldOut) without.addExample(name, vectorizer.transform(extractFeatures(text)));
    });
    const expected = without.rank(vectorizer.transform(extractFeatures(training[heldOut]![1])));
    expect(ranked.map((score) => score.label)).toEqual(expected.map((score) => score.label));
    ranked.forEach((score, i) => {
      expect(score.score).toBeCloseTo(expected[i]!.score, 5);
      expect(score.centroid).toBeCloseTo(expected[i]!.centroid, 5);
    });
  });

  it('gives a class nothing once its only example is held out', () => {
    const { classifier } = build();
    const { label, ranked } = classifier.rankHeldOut(training.length - 1);
    expect(label).toBe('refund');
    expect(ranked.find((score) => score.label === 'refund')!.score).toBe(0);
    expect(() => classifier.rankHeldOut(99)).toThrow(RangeError);
  });
});
