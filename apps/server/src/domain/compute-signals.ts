import type { EscalationPolicy, EscalationSignals } from './escalation';
import { detectExplicitRequest } from './explicit-request';
import { findSensitiveData, type SensitiveFinding } from './signals/sensitive-data';
import { scoreSentiment } from './signals/sentiment';
import { sentimentTrend } from './signals/sentiment-trend';
import { matchTopicRules } from './signals/topic-rules';

/** What the customer's message alone says, before any answer exists. */
export interface MessageSignalInput {
  /** The customer's message. */
  text: string;
  /** The customer's earlier messages since the context boundary, oldest first. */
  earlierCustomerTexts: string[];
  /**
   * Their sentiment scores when already known (scored at ingest), the earlier messages' oldest first and this
   * message's last; the texts are scored here otherwise.
   */
  sentimentScores?: number[];
  /** Earlier low-confidence answers in a row since the boundary, not counting this one. */
  consecutiveLowConfidence: number;
  /**
   * Sensitive data found in the message before it was stored (card numbers are stored masked, so the stored
   * text no longer shows them).
   */
  ingestFindings?: SensitiveFinding[];
}

export interface SignalInput extends MessageSignalInput {
  /** The responder's confidence, or null when it did not answer. */
  confidence: number | null;
  /** The responder's topic, or null. */
  topic: string | null;
  modelFailed: boolean;
}

/** The signals of the message alone: computed once per turn, used before the answer and after it. */
export type MessageSignals = Pick<
  EscalationSignals,
  'explicitRequest' | 'sentiment' | 'sensitiveData' | 'consecutiveLowConfidence'
> & { text: string };

/** The detectors that read only the message (explicit request, sentiment, sensitive data). */
export function computeMessageSignals(input: MessageSignalInput): MessageSignals {
  const scores = input.sentimentScores ?? [...input.earlierCustomerTexts, input.text].map(scoreSentiment);
  return {
    text: input.text,
    explicitRequest: detectExplicitRequest(input.text),
    sentiment: { score: scores.at(-1) ?? 0, trend: sentimentTrend(scores) },
    sensitiveData: [...(input.ingestFindings ?? []), ...findSensitiveData(input.text)],
    consecutiveLowConfidence: input.consecutiveLowConfidence,
  };
}

/** The message's signals with what the responder answered (or did not): all the policy's inputs. */
export function withAnswer(
  message: MessageSignals,
  answer: { confidence: number | null; topic: string | null; modelFailed: boolean },
  policy: EscalationPolicy,
): EscalationSignals {
  return {
    confidence: answer.confidence,
    topic: answer.topic,
    explicitRequest: message.explicitRequest,
    sentiment: message.sentiment,
    ruleMatches: matchTopicRules(message.text, answer.topic, policy.rules),
    sensitiveData: message.sensitiveData,
    consecutiveLowConfidence: message.consecutiveLowConfidence,
    modelFailed: answer.modelFailed,
  };
}

/** Runs every detector on one customer message, so a caller gets all the policy's inputs at once. */
export function computeSignals(input: SignalInput, policy: EscalationPolicy): EscalationSignals {
  return withAnswer(computeMessageSignals(input), input, policy);
}
