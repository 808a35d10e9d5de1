import {
  createOfflineResponder,
  type OfflineResponderOptions,
} from '../../apps/server/src/responder/offline-responder';
import { accuracyOf, type Evaluation, evaluateResponder, percentile } from './evaluate-responder';
import { expectedCalibrationError } from './expected-calibration-error';
import { type Banking77, type LabelledQuestion, toArticles } from './load-banking77';
import { type RiskCoverage, riskCoverage } from './risk-coverage';

export type ModelOptions = Omit<OfflineResponderOptions, 'articles' | 'learned'>;

export interface ModelMeasures {
  usesWordVectors: boolean;
  trainingExamples: number;
  trainingSeconds: number;
  results: Evaluation[];
  curve: RiskCoverage;
  ece: number;
  eceAnswerable: number;
  meanConfidence: number;
  p50: number;
  p99: number;
  /** Out of scope: share of the held-out intents' questions below the 80 %-coverage threshold. */
  outOfScopeRejected: number;
  outOfScopeCount: number;
  inScopeAccuracy: number;
  /** Accuracy trained on the first `fewShot` training questions of each intent. */
  fewShotAccuracy: number;
  learning: { escalated: number; before: number; after: number; retrained: number };
}

export interface MeasureSettings {
  outOfScopeIntents: readonly string[];
  fewShot: number;
  /** Questions of half A below this are corrected through `learn()`. */
  learningThreshold: (curve: RiskCoverage) => number;
}

/** Every measure of the routing benchmark for one set of responder options. */
export async function measureModel(
  data: Banking77,
  options: ModelOptions,
  settings: MeasureSettings,
): Promise<ModelMeasures> {
  const articles = toArticles(data.intents, data.train);
  const started = performance.now();
  const responder = createOfflineResponder({ articles, ...options });
  const trainingSeconds = (performance.now() - started) / 1000;
  await evaluateResponder(responder, data.test.slice(0, 200)); // warm-up
  const results = await evaluateResponder(responder, data.test);
  const curve = riskCoverage(results);
  const latencies = results.map((result) => result.latency);

  const answerable = createOfflineResponder({ articles, ...options, unanswerableShare: 0 });
  const eceAnswerable = expectedCalibrationError(await evaluateResponder(answerable, data.test));

  const unseen = new Set(settings.outOfScopeIntents);
  const partial = createOfflineResponder({
    articles: toArticles(
      data.intents.filter((intent) => !unseen.has(intent)),
      data.train,
    ),
    ...options,
  });
  const inScope = await evaluateResponder(
    partial,
    data.test.filter((item) => !unseen.has(item.intent)),
  );
  const outOfScope = await evaluateResponder(
    partial,
    data.test.filter((item) => unseen.has(item.intent)),
  );
  const inScopeThreshold = riskCoverage(inScope).thresholdAt(0.8);
  const rejected = outOfScope.filter((result) => result.confidence < inScopeThreshold).length;

  const fewShot = createOfflineResponder({
    articles: toArticles(data.intents, firstPerIntent(data.train, settings.fewShot)),
    ...options,
  });
  const fewShotAccuracy = accuracyOf(await evaluateResponder(fewShot, data.test));

  const threshold = settings.learningThreshold(curve);
  const halfA = data.test.filter((_, index) => index % 2 === 0);
  const halfB = data.test.filter((_, index) => index % 2 === 1);
  const learner = createOfflineResponder({ articles, ...options });
  const before = accuracyOf(await evaluateResponder(learner, halfB));
  const escalated = (await evaluateResponder(learner, halfA)).filter((r) => r.confidence < threshold);
  for (const [index, item] of escalated.entries())
    await learner.learn({ id: `review-${index}`, question: item.question, answer: item.intent });
  const after = accuracyOf(await evaluateResponder(learner, halfB));
  learner.retrain(articles);
  const retrained = accuracyOf(await evaluateResponder(learner, halfB));

  return {
    usesWordVectors: responder.usesWordVectors,
    trainingExamples: responder.size,
    trainingSeconds,
    results,
    curve,
    ece: expectedCalibrationError(results),
    eceAnswerable,
    meanConfidence: results.reduce((sum, r) => sum + r.confidence, 0) / results.length,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    outOfScopeRejected: rejected / outOfScope.length,
    outOfScopeCount: outOfScope.length,
    inScopeAccuracy: accuracyOf(inScope),
    fewShotAccuracy,
    learning: { escalated: escalated.length, before, after, retrained },
  };
}

/** The first `count` training questions of each intent, in file order (a fixed choice). */
export function firstPerIntent(train: readonly LabelledQuestion[], count: number): LabelledQuestion[] {
  const seen = new Map<string, number>();
  return train.filter(({ intent }) => {
    const taken = seen.get(intent) ?? 0;
    seen.set(intent, taken + 1);
    return taken < count;
  });
}
