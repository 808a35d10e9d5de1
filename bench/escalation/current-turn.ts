import { computeMessageSignals, withAnswer } from '../../apps/server/src/domain/compute-signals';
import { decideEscalation, type EscalationPolicy } from '../../apps/server/src/domain/escalation';
import type { SentimentMemo } from '../../apps/server/src/domain/signals/sentiment-memo';
import type { Responder } from '../../apps/server/src/responder/responder';
import type { BenchTurn } from './bench-turns';

/**
 * A bot turn's work without the store, as `run-bot-turn.ts` does it: the message's signals once (sentiment
 * scores from the memo filled at ingest), the streaming decision and the policy after the answer on them.
 */
export async function currentTurn(
  turn: BenchTurn,
  responder: Responder,
  policy: EscalationPolicy,
  sentiments: SentimentMemo,
) {
  const message = computeMessageSignals({
    text: turn.text,
    earlierCustomerTexts: turn.earlier.map((m) => m.text),
    sentimentScores: [...turn.earlier, turn].map((m) => sentiments.scoreOf(m)),
    consecutiveLowConfidence: 0,
  });
  if (message.explicitRequest === null)
    decideEscalation(
      withAnswer(message, { confidence: null, topic: null, modelFailed: false }, policy),
      policy,
    );
  const answer = await responder.answer({
    conversationId: turn.conversationId,
    question: turn.text,
    history: [],
  });
  const signals = withAnswer(
    message,
    { confidence: answer.confidence, topic: answer.topic ?? null, modelFailed: false },
    policy,
  );
  return decideEscalation(signals, policy);
}
