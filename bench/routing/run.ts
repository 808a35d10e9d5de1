import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createOfflineResponder } from '../../apps/server/src/responder/offline-responder';
import { accuracyOf, type Evaluation, evaluateResponder, percentile } from './evaluate-responder';
import { expectedCalibrationError } from './expected-calibration-error';
import { loadBanking77, toArticles } from './load-banking77';
import { riskCoverage } from './risk-coverage';
import { writeRiskCoverageSvg } from './write-risk-coverage-svg';

/**
 * Routing benchmark on BANKING77: one article per intent (its training questions as examples, its name
 * as the answer), test questions asked through the offline responder's public `answer` and `learn`.
 *
 *   npx tsx bench/routing/run.ts [--data /work/shared/data/banking77]
 */
const targetAccuracyOfAnswered = 0.97;
/** Intents left out of training for the out-of-scope check: every 8th from the 5th in categories.json. */
const outOfScopeIntents = [
  'extra_charge_on_statement',
  'age_limit',
  'card_payment_fee_charged',
  'edit_personal_details',
  'atm_support',
  'Refund_not_showing_up',
  'reverted_card_payment?',
  'getting_spare_card',
  'cash_withdrawal_not_recognised',
  'country_support',
];

const { values } = parseArgs({
  options: { data: { type: 'string', default: '/work/shared/data/banking77' } },
});
const here = path.dirname(fileURLToPath(import.meta.url));
const svgFile = path.join(here, '..', 'out', 'routing-risk-coverage.svg');
const data = loadBanking77(values.data);
const pct = (value: number) => `${(value * 100).toFixed(2)} %`;

console.log(
  `BANKING77: ${data.train.length} training and ${data.test.length} test questions, ${data.intents.length} intents`,
);

// Full model.
const articles = toArticles(data.intents, data.train);
let started = performance.now();
const responder = createOfflineResponder({ articles });
const trainingMs = performance.now() - started;
await evaluateResponder(responder, data.test.slice(0, 200)); // warm-up
const results = await evaluateResponder(responder, data.test);
const curve = riskCoverage(results);
const latencies = results.map((result) => result.latency);
const chosen = curve.thresholdFor(targetAccuracyOfAnswered);
const chosenAccuracy = accuracyOf(results.filter((result) => result.confidence >= chosen.threshold));

console.log('\n== In-scope routing (77 intents) ==');
console.log(`training examples:            ${responder.size}`);
console.log(`training time:                ${(trainingMs / 1000).toFixed(2)} s`);
console.log(`accuracy:                     ${pct(accuracyOf(results))}`);
console.log(`ECE (15 bins):                ${expectedCalibrationError(results).toFixed(4)}`);
console.log(
  `mean confidence:              ${(results.reduce((sum, r) => sum + r.confidence, 0) / results.length).toFixed(4)}`,
);
for (const coverage of [0.7, 0.8, 0.9])
  console.log(
    `accuracy at ${coverage * 100} % coverage:    ${pct(curve.accuracyAt(coverage))} (threshold ${curve.thresholdAt(coverage).toFixed(3)})`,
  );
console.log(`AURC:                         ${curve.aurc.toFixed(4)}`);
console.log(
  `latency p50 / p99:            ${percentile(latencies, 0.5).toFixed(3)} / ${percentile(latencies, 0.99).toFixed(3)} ms`,
);
console.log(
  `chosen threshold:             ${chosen.threshold.toFixed(3)} (answered ${pct(chosen.coverage)} at ${pct(chosenAccuracy)} accuracy, target ≥ ${pct(targetAccuracyOfAnswered)})`,
);
writeRiskCoverageSvg(svgFile, {
  points: curve.points,
  aurc: curve.aurc,
  chosen: { ...chosen, accuracy: chosenAccuracy },
});
console.log(`risk–coverage curve:          ${path.relative(process.cwd(), svgFile)}`);

// The same model calibrated for traffic known to be answerable (no share reserved for off-topic).
const answerable = createOfflineResponder({ articles, unanswerableShare: 0 });
const answerableResults = await evaluateResponder(answerable, data.test);
console.log(
  `ECE, calibrated with unanswerableShare 0: ${expectedCalibrationError(answerableResults).toFixed(4)}`,
);

// Out of scope: 10 intents never trained on.
const unseen = new Set(outOfScopeIntents);
const inScopeArticles = toArticles(
  data.intents.filter((intent) => !unseen.has(intent)),
  data.train,
);
const partial = createOfflineResponder({ articles: inScopeArticles });
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
console.log('\n== Out of scope (10 intents held out of training) ==');
console.log(`held-out intents:             ${outOfScopeIntents.join(', ')}`);
console.log(`in-scope accuracy (67):       ${pct(accuracyOf(inScope))}`);
console.log(`threshold for 80 % coverage:  ${inScopeThreshold.toFixed(3)}`);
console.log(
  `out-of-scope below it:        ${pct(rejected / outOfScope.length)} (${rejected} of ${outOfScope.length})`,
);

// Learning from corrections: escalated questions of half A are answered by an agent and learned.
const halfA = data.test.filter((_, index) => index % 2 === 0);
const halfB = data.test.filter((_, index) => index % 2 === 1);
const learner = createOfflineResponder({ articles });
const before = await evaluateResponder(learner, halfB);
const escalated = (await evaluateResponder(learner, halfA)).filter(
  (result) => result.confidence < chosen.threshold,
);
started = performance.now();
for (const [index, item] of escalated.entries())
  await learner.learn({ id: `review-${index}`, question: item.question, answer: item.intent });
const learnMs = performance.now() - started;
const after = await evaluateResponder(learner, halfB);
console.log('\n== Learning from corrections (test split in alternating halves) ==');
console.log(
  `escalated in half A, learned: ${escalated.length} of ${halfA.length} (${(learnMs / Math.max(1, escalated.length)).toFixed(3)} ms per learn)`,
);
console.log(`half B accuracy before:       ${pct(accuracyOf(before))}`);
console.log(
  `half B accuracy after:        ${pct(accuracyOf(after))} (${signed(accuracyOf(after) - accuracyOf(before))} points)`,
);
learner.retrain(articles);
const retrained = await evaluateResponder(learner, halfB);
console.log(
  `half B after a retrain:       ${pct(accuracyOf(retrained))} (${signed(accuracyOf(retrained) - accuracyOf(before))} points)`,
);
console.log(
  `half B escalated before/after: ${escalatedShare(before, chosen.threshold)} / ${escalatedShare(after, chosen.threshold)}`,
);

function signed(delta: number): string {
  return `${delta >= 0 ? '+' : ''}${(delta * 100).toFixed(2)}`;
}

function escalatedShare(items: readonly Evaluation[], threshold: number): string {
  return pct(items.filter((item) => item.confidence < threshold).length / items.length);
}
