import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../apps/server/src/config';
import { seededRandom } from '../../apps/server/src/lib/seeded-random';
import { loadEscalationPolicy } from '../../apps/server/src/policy/load-policy';
import { accuracyOf } from '../routing/evaluate-responder';
import { loadBanking77, toArticles } from '../routing/load-banking77';
import { riskCoverage } from '../routing/risk-coverage';
import {
  accuracyAt,
  type CorrectionMode,
  type CurvePoint,
  splitStartAndStream,
  toRounds,
} from './learning-rounds';
import { type LearningSeriesResult, runLearningSeries } from './run-learning-series';
import { writeLearningCurveSvg } from './write-learning-curve-svg';

/**
 * Learning benchmark on BANKING77: the bot starts from a few examples per intent and learns from the
 * corrections of the questions it escalates, as the server does (teachResponder, automatic retrains).
 *
 *   npx tsx bench/learning/run.ts [--data dir] [--threshold 0.86] [--retrain-after 50] [--rounds 3]
 *     [--series escalated|every-wrong|both] [--svg file]
 */
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '/work/shared/data/banking77' },
    threshold: { type: 'string' },
    'retrain-after': { type: 'string' },
    'start-per-intent': { type: 'string', default: '10' },
    'round-size': { type: 'string', default: '500' },
    /** Stops after this many rounds (for a quick look); every round by default. */
    rounds: { type: 'string' },
    seed: { type: 'string', default: '77' },
    /** `escalated`, `every-wrong` or `both`. */
    series: { type: 'string', default: 'both' },
    svg: { type: 'string' },
  },
});
const targets = { early: { corrections: 1000, accuracy: 0.88 }, end: { corrections: 1600, accuracy: 0.91 } };
const answeredTarget = { accuracy: 0.97, coverage: 0.8 };

const threshold = Number(values.threshold ?? loadEscalationPolicy().confidenceThreshold);
const retrainAfter = Number(values['retrain-after'] ?? loadConfig(process.env).RETRAIN_AFTER_CORRECTIONS);
const data = loadBanking77(values.data);
const { start, stream } = splitStartAndStream(
  data.train,
  Number(values['start-per-intent']),
  seededRandom(Number(values.seed)),
);
const rounds = toRounds(stream, Number(values['round-size'])).slice(
  0,
  values.rounds === undefined ? undefined : Number(values.rounds),
);
const articles = toArticles(data.intents, start);
const modes: CorrectionMode[] =
  values.series === 'both' ? ['escalated', 'every-wrong'] : [values.series as CorrectionMode];
const here = path.dirname(fileURLToPath(import.meta.url));
const svgFile = values.svg ?? path.join(here, '..', 'out', 'learning-curve.svg');
const pct = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(2)} %`);

console.log(
  `BANKING77: ${start.length} starting examples (${values['start-per-intent']} per intent), ${stream.length} questions streamed in rounds of ${values['round-size']} (${rounds.length} rounds), ${data.test.length} held-out test questions`,
);
console.log(`threshold ${threshold} (escalate below), retrain after ${retrainAfter} corrections`);

const results = new Map<CorrectionMode, LearningSeriesResult>();
for (const mode of modes) {
  console.log(
    `\n== Corrected: ${mode === 'escalated' ? 'escalated questions' : 'escalated and every wrong answer'} ==`,
  );
  console.log(
    '| round | streamed | escalated in round | answered accuracy in round | corrections so far | test accuracy |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  const started = performance.now();
  const result = await runLearningSeries({
    articles,
    rounds,
    test: data.test,
    mode,
    threshold,
    retrainAfter,
    checkpoints: [targets.early.corrections, targets.end.corrections],
    onPoint: (point) => console.log(row(point)),
  });
  results.set(mode, result);
  const durations = result.retrains.map((report) => report.durationMs);
  const curve = riskCoverage(result.final);
  const chosen = curve.thresholdFor(answeredTarget.accuracy);
  const chosenAccuracy = accuracyOf(result.final.filter((item) => item.confidence >= chosen.threshold));
  const last = result.curve.at(-1);
  console.log(`run time:                     ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(
    `retrains:                     ${result.retrains.length} (mean ${mean(durations).toFixed(0)} ms, longest ${Math.max(0, ...durations).toFixed(0)} ms, last ${result.retrains.at(-1)?.version ?? 'none'})`,
  );
  for (const target of [targets.early, targets.end]) {
    const point = accuracyAt(result.curve, target.corrections);
    console.log(
      `after ${target.corrections} corrections:       ${point === null ? 'not reached' : `${pct(point.testAccuracy)} (at ${point.corrections}; target ≥ ${pct(target.accuracy)})`}`,
    );
  }
  console.log(
    `at the end:                   ${pct(last?.testAccuracy ?? null)} with ${last?.corrections ?? 0} corrections (target ≥ ${pct(targets.end.accuracy)} with ≤ ${targets.end.corrections})`,
  );
  console.log(
    `threshold for ≥ 97 % answered: ${chosen.threshold.toFixed(3)} answers ${pct(chosen.coverage)} of the test set at ${pct(chosenAccuracy)} (target ≥ ${pct(answeredTarget.coverage)})`,
  );
}

writeLearningCurveSvg(svgFile, {
  title: `BANKING77: learning from corrections (threshold ${threshold}, retrain every ${retrainAfter})`,
  series: [...results].map(([mode, result], index) => ({
    name: mode === 'escalated' ? 'escalations corrected' : 'escalations and wrong answers corrected',
    color: index === 0 ? '#1f6feb' : '#8250df',
    curve: result.curve,
  })),
  targets: [targets.early, targets.end].map((target) => ({
    ...target,
    label: `target ${Math.round(target.accuracy * 100)}%`,
  })),
});
console.log(`\nlearning curve: ${path.relative(process.cwd(), svgFile)}`);

function row(point: CurvePoint): string {
  const label =
    point.escalatedShare === null && point.round > 0 ? `${point.round} (checkpoint)` : String(point.round);
  return `| ${label} | ${point.streamed} | ${pct(point.escalatedShare)} | ${pct(point.answeredAccuracy)} | ${point.corrections} | ${pct(point.testAccuracy)} |`;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
