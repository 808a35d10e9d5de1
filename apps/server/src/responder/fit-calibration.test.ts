import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base';
import { calibrateConfidence, defaultCalibration } from './calibrate-confidence';
import { extractFeatures } from './extract-features';
import { collectCalibrationSamples, fitCalibration } from './fit-calibration';
import { SimilarityClassifier } from './similarity-classifier';
import { TfidfVectorizer } from './tfidf-vectorizer';

function trainOn(examples: Array<[label: string, text: string]>): SimilarityClassifier {
  const features = examples.map(([, text]) => extractFeatures(text));
  const vectorizer = new TfidfVectorizer().fit(features);
  const classifier = new SimilarityClassifier();
  examples.forEach(([label], i) => {
    classifier.addExample(label, vectorizer.transform(features[i]!));
  });
  return classifier;
}

const identity = (label: string) => label;

describe('fitCalibration', () => {
  it('keeps the prior when there is too little to learn from', () => {
    const classifier = trainOn([
      ['shipping', 'how long does shipping take'],
      ['refund', 'where is my refund'],
    ]);
    expect(fitCalibration(classifier, { answerOf: identity })).toEqual(defaultCalibration);
  });

  it('replays each example held out and with its whole class hidden', () => {
    const classifier = trainOn([
      ['shipping', 'how long does shipping take'],
      ['shipping', 'how long does delivery take'],
      ['refund', 'where is my refund'],
      ['refund', 'when do i get my refund'],
    ]);
    const samples = collectCalibrationSamples(classifier, { answerOf: identity, unanswerableWeight: 0.25 });
    expect(samples).toHaveLength(8);
    expect(samples.filter((sample) => sample.weight === 0.25).every((sample) => !sample.correct)).toBe(true);
    expect(samples.filter((sample) => sample.weight === 1).every((sample) => sample.correct)).toBe(true);
  });

  it('hides the nearest answers along with the own one when asked', () => {
    const classifier = trainOn([
      ['shipping', 'how long does shipping take'],
      ['shipping', 'how long does delivery take to arrive'],
      ['delivery', 'how long does the delivery take'],
      ['delivery', 'when will my delivery arrive'],
      ['refund', 'where is my refund'],
      ['refund', 'when do i get my refund'],
    ]);
    const unanswerable = (hiddenNeighbours: number) =>
      collectCalibrationSamples(classifier, { answerOf: identity, hiddenNeighbours }).filter(
        (sample) => sample.weight !== 1,
      );
    const ownOnly = unanswerable(0);
    const withNearest = unanswerable(1);
    expect(withNearest).toHaveLength(ownOnly.length);
    withNearest.forEach((sample, i) => {
      expect(sample.correct).toBe(false);
      expect(sample.best).toBeLessThanOrEqual(ownOnly[i]!.best);
    });
    const meanBest = (samples: typeof ownOnly) =>
      samples.reduce((sum, sample) => sum + sample.best, 0) / samples.length;
    expect(meanBest(withNearest)).toBeLessThan(meanBest(ownOnly));
    // With every other answer hidden nothing is left to rank, so no sample is made.
    expect(unanswerable(2)).toHaveLength(0);
  });

  it('samples evenly when there are more examples than queries allowed', () => {
    const examples = Array.from({ length: 40 }, (_, i): [string, string] => [
      `class-${i % 4}`,
      `question ${i}`,
    ]);
    const samples = collectCalibrationSamples(trainOn(examples), { answerOf: identity, maxQueries: 10 });
    expect(samples.length).toBeLessThanOrEqual(20);
  });

  it('fits a mapping on the shop that separates right from wrong answers', () => {
    const articles = loadKnowledgeBase();
    const classifier = trainOn(
      articles.flatMap((article) => article.examples.map((text): [string, string] => [article.id, text])),
    );
    const fitted = fitCalibration(classifier, { answerOf: identity });
    expect(fitted.similarityWeight).toBeGreaterThan(1);
    expect(fitted.marginWeight).toBeGreaterThan(1);

    const samples = collectCalibrationSamples(classifier, { answerOf: identity });
    const mean = (correct: boolean) => {
      const chosen = samples.filter((sample) => sample.correct === correct);
      return (
        chosen.reduce((sum, s) => sum + calibrateConfidence(s.best, s.runnerUp, fitted), 0) / chosen.length
      );
    };
    expect(mean(true)).toBeGreaterThan(0.6);
    expect(mean(false)).toBeLessThan(0.4);
    expect(mean(true) - mean(false)).toBeGreaterThan(0.35);
  });
});
