import { computeSignals, type SignalInput } from '../../apps/server/src/domain/compute-signals';
import { decideEscalation, type EscalationPolicy } from '../../apps/server/src/domain/escalation';
import { detectExplicitRequest } from '../../apps/server/src/domain/explicit-request';
import type { Responder } from '../../apps/server/src/responder/responder';
import type { BenchTurn } from './bench-turns';

/**
 * The baseline: a bot turn's work as it was before signals were computed once per turn. The explicit
 * request was detected on its own, then with a streaming responder every signal was computed before the
 * answer (to decide whether to stream) and all of them again after it, each time scoring the sentiment of
 * every earlier customer message of the conversation. Rebuilt from the same public functions.
 */
export async function previousTurn(turn: BenchTurn, responder: Responder, policy: EscalationPolicy) {
  const input: SignalInput = {
    text: turn.text,
    confidence: null,
    topic: null,
    earlierCustomerTexts: turn.earlier.map((m) => m.text),
    consecutiveLowConfidence: 0,
    modelFailed: false,
  };
  const explicitRequest = detectExplicitRequest(turn.text);
  if (explicitRequest === null) decideEscalation(computeSignals(input, policy), policy);
  const answer = await responder.answer({
    conversationId: turn.conversationId,
    question: turn.text,
    history: [],
  });
  const signals = computeSignals(
    { ...input, confidence: answer.confidence, topic: answer.topic ?? null },
    policy,
  );
  return decideEscalation(signals, policy);
}
