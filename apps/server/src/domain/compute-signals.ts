import type { EscalationPolicy, EscalationSignals } from './escalation';
import { detectExplicitRequest } from './explicit-request';
import { findSensitiveData, type SensitiveFinding } from './signals/sensitive-data';
import { scoreSentiment } from './signals/sentiment';
import { sentimentTrend } from './signals/sentiment-trend';
import { matchTopicRules } from './signals/topic-rules';

export interface SignalInput {
  /** The customer's message. */
  text: string;
  /** The responder's confidence, or null when it did not answer. */
  confidence: number | null;
  /** The responder's topic, or null. */
  topic: string | null;
  /** The customer's earlier messages since the context boundary, oldest first. */
  earlierCustomerTexts: string[];
  /** Earlier low-confidence answers in a row since the boundary, not counting this one. */
  consecutiveLowConfidence: number;
  modelFailed: boolean;
  /**
   * Sensitive data found in the message before it was stored (card numbers are stored masked, so the stored
   * text no longer shows them).
   */
  ingestFindings?: SensitiveFinding[];
}

/** Runs every detector on one customer message, so a caller gets all the policy's inputs at once. */
export function computeSignals(input: SignalInput, policy: EscalationPolicy): EscalationSignals {
  const score = scoreSentiment(input.text);
  const scores = [...input.earlierCustomerTexts.map(scoreSentiment), score];
  return {
    confidence: input.confidence,
    topic: input.topic,
    explicitRequest: detectExplicitRequest(input.text),
    sentiment: { score, trend: sentimentTrend(scores) },
    ruleMatches: matchTopicRules(input.text, input.topic, policy.rules),
    sensitiveData: [...(input.ingestFindings ?? []), ...findSensitiveData(input.text)],
    consecutiveLowConfidence: input.consecutiveLowConfidence,
    modelFailed: input.modelFailed,
  };
}
