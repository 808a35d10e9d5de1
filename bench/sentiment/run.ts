import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scoreSentiment } from '../../apps/server/src/domain/signals/sentiment';
import { defaultEscalationPolicyPath, loadEscalationPolicy } from '../../apps/server/src/policy/load-policy';
import { scoreSentimentBaseline } from './baseline-sentiment';
import { type Classification, classify } from './classification';
import { type LabelledMessage, loadLabelledMessages, type Split } from './load-labelled-messages';

/**
 * Sentiment benchmark: does the sentiment signal recognise an angry customer? Each hand-labelled shop
 * message is scored by the current `scoreSentiment` and by the baseline (the scorer before frustration
 * cues), and called angry by the rule the escalation uses: a score below the shipped policy's
 * `sentiment.escalateBelow`. Prints precision, recall and F1 of the angry class on the tuning part and on
 * the held-out part (never tuned on), and every message the current scorer gets wrong. Target on the
 * held-out part: recall ≥ 0.85 at precision ≥ 0.9; `--check` exits 1 when it is missed.
 *
 *   npx tsx bench/sentiment/run.ts [--data bench/sentiment/messages.csv] [--check]
 */
const TARGET_RECALL = 0.85;
const TARGET_PRECISION = 0.9;

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.join(here, 'messages.csv') },
    check: { type: 'boolean', default: false },
  },
});
const messages = loadLabelledMessages(values.data);
const threshold = loadEscalationPolicy().sentiment.escalateBelow;
const scorers = { baseline: scoreSentimentBaseline, current: scoreSentiment };
const splits: Split[] = ['tune', 'holdout'];

const count = (split: Split) => {
  const part = messages.filter((m) => m.split === split);
  return `${split} ${part.length} (${part.filter((m) => m.angry).length} angry)`;
};
console.log(`${messages.length} labelled messages: ${splits.map(count).join(', ')}`);
console.log(
  `angry = score below sentiment.escalateBelow ${threshold} (${path.relative(process.cwd(), defaultEscalationPolicyPath)})\n`,
);

// Warm the model up so that the time below is scoring, not loading.
scoreSentiment('warm up');
const scores = new Map<LabelledMessage, { baseline: number; current: number }>();
const started = performance.now();
for (const message of messages) {
  scores.set(message, { baseline: 0, current: scoreSentiment(message.text) });
}
const microsPerMessage = ((performance.now() - started) * 1000) / messages.length;
for (const message of messages) {
  const entry = scores.get(message);
  if (entry) entry.baseline = scorers.baseline(message.text);
}

const results = new Map<string, Classification>();
const rows: string[][] = [['part', 'scorer', 'precision', 'recall', 'F1', 'TP', 'FP', 'FN', 'TN']];
for (const split of splits) {
  for (const scorer of Object.keys(scorers) as (keyof typeof scorers)[]) {
    const result = classify(
      messages
        .filter((m) => m.split === split)
        .map((m) => ({ actual: m.angry, predicted: (scores.get(m)?.[scorer] ?? 0) < threshold })),
    );
    results.set(`${split}/${scorer}`, result);
    rows.push([
      split,
      scorer,
      result.precision.toFixed(3),
      result.recall.toFixed(3),
      result.f1.toFixed(3),
      ...[result.truePositives, result.falsePositives, result.falseNegatives, result.trueNegatives].map(
        String,
      ),
    ]);
  }
}
printTable(rows);

const heldOut = results.get('holdout/current');
const met = heldOut !== undefined && heldOut.recall >= TARGET_RECALL && heldOut.precision >= TARGET_PRECISION;
console.log(
  `\ntarget on holdout (recall ≥ ${TARGET_RECALL} at precision ≥ ${TARGET_PRECISION}): ${met ? 'met' : 'MISSED'}`,
);
console.log(`current scorer: ${microsPerMessage.toFixed(0)} µs per message (mean, model loaded)\n`);

console.log('misclassified by the current scorer:');
for (const message of messages) {
  const score = scores.get(message)?.current ?? 0;
  if (score < threshold === message.angry) continue;
  const kind = message.angry ? 'missed angry' : 'false alarm ';
  console.log(
    `  ${message.split.padEnd(7)} ${kind} ${score.toFixed(2).padStart(5)}  line ${message.line}: ${message.text}`,
  );
}

if (values.check && !met) process.exitCode = 1;

function printTable(table: string[][]): void {
  const widths =
    table[0]?.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length))) ?? [];
  for (const row of table) {
    console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
  }
}
