import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { computeSignals } from '../../apps/server/src/domain/compute-signals';
import { decideEscalation, type EscalationSignals } from '../../apps/server/src/domain/escalation';
import { scoreSentiment } from '../../apps/server/src/domain/signals/sentiment';
import { SentimentMemo } from '../../apps/server/src/domain/signals/sentiment-memo';
import { loadKnowledgeBase } from '../../apps/server/src/knowledge/knowledge-base';
import { loadEscalationPolicy } from '../../apps/server/src/policy/load-policy';
import { createOfflineResponder } from '../../apps/server/src/responder/offline-responder';
import { summariseLatencies } from '../lib/latency-summary';
import { loadLabelledMessages } from '../sentiment/load-labelled-messages';
import { benchTurns } from './bench-turns';
import { currentTurn } from './current-turn';
import { previousTurn } from './previous-turn';

/**
 * Escalation benchmark: the cost of the policy's decision per message, and of a whole bot turn without the
 * store (signals, sentiment, sensitive data, the offline responder on the shipped knowledge base, the
 * decision), beside the same turn as it was before signals were computed once per turn (the baseline,
 * measured in the same run). Customer messages come from `bench/sentiment/messages.csv`, in conversations
 * of 10, so later turns carry up to 9 earlier messages. Targets: decision p99 < 0.1 ms, turn p99 < 2 ms.
 *
 *   npx tsx bench/escalation/run.ts [--conversations 300] [--check]
 */
const TARGET_DECISION_P99_MS = 0.1;
const TARGET_TURN_P99_MS = 2;
const PER_CONVERSATION = 10;

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '300' },
    check: { type: 'boolean', default: false },
  },
});
const texts = loadLabelledMessages(path.join(here, '../sentiment/messages.csv')).map((m) => m.text);
const policy = loadEscalationPolicy();
const responder = createOfflineResponder({ articles: loadKnowledgeBase() });
const turns = benchTurns(texts, Number(values.conversations), PER_CONVERSATION);

// The decision alone, on each turn's full signals (answered by the responder first, outside the timing).
const signals: EscalationSignals[] = [];
for (const turn of turns) {
  const answer = await responder.answer({
    conversationId: turn.conversationId,
    question: turn.text,
    history: [],
  });
  signals.push(
    computeSignals(
      {
        text: turn.text,
        confidence: answer.confidence,
        topic: answer.topic ?? null,
        earlierCustomerTexts: turn.earlier.map((m) => m.text),
        consecutiveLowConfidence: 0,
        modelFailed: false,
      },
      policy,
    ),
  );
}
const decisions: number[] = [];
for (let round = 0; round < 2; round++) {
  decisions.length = 0; // the first round warms up
  for (const s of signals) {
    const started = performance.now();
    decideEscalation(s, policy);
    decisions.push(performance.now() - started);
  }
}

// Whole turns, the baseline and the current code alternating so that both see the same machine.
const previous: number[] = [];
const current: number[] = [];
/** The offline responder alone, on the same questions: the part of the turn that is the model. */
const model: number[] = [];
const sentiments = new SentimentMemo();
for (let round = 0; round < 2; round++) {
  previous.length = 0;
  current.length = 0;
  model.length = 0;
  for (const turn of turns) {
    // What ingest does for both (scored once when the message is stored), outside the turn.
    sentiments.remember(turn.id, scoreSentiment(turn.text));
    let started = performance.now();
    await previousTurn(turn, responder, policy);
    previous.push(performance.now() - started);
    started = performance.now();
    await currentTurn(turn, responder, policy, sentiments);
    current.push(performance.now() - started);
    started = performance.now();
    await responder.answer({ conversationId: turn.conversationId, question: turn.text, history: [] });
    model.push(performance.now() - started);
  }
}

const ms = (v: number) => v.toFixed(3);
const decision = summariseLatencies(decisions);
const before = summariseLatencies(previous);
const after = summariseLatencies(current);
const modelOnly = summariseLatencies(model);
console.log(
  `${turns.length} turns (${values.conversations} conversations of ${PER_CONVERSATION} messages)\n`,
);
console.log('| | p50 (ms) | p99 (ms) | max (ms) | target |\n| --- | ---: | ---: | ---: | --- |');
console.log(
  `| decision per message | ${ms(decision.p50)} | ${ms(decision.p99)} | ${ms(decision.max)} | p99 < ${TARGET_DECISION_P99_MS} |`,
);
console.log(`| bot turn, baseline (before) | ${ms(before.p50)} | ${ms(before.p99)} | ${ms(before.max)} | |`);
console.log(
  `| bot turn, current | ${ms(after.p50)} | ${ms(after.p99)} | ${ms(after.max)} | p99 < ${TARGET_TURN_P99_MS} |`,
);
console.log(
  `| of which the offline responder | ${ms(modelOnly.p50)} | ${ms(modelOnly.p99)} | ${ms(modelOnly.max)} | |`,
);
console.log(
  `\nturn current / baseline: p50 ${(after.p50 / before.p50).toFixed(2)}, p99 ${(after.p99 / before.p99).toFixed(2)}`,
);
const failed = decision.p99 >= TARGET_DECISION_P99_MS || after.p99 >= TARGET_TURN_P99_MS;
if (values.check && failed) process.exitCode = 1;
