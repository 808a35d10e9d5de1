import type { OversightMode, Reason } from '@hitl/shared/models';
import type { EscalationPolicy } from '@hitl/shared/policy';
import type { SensitiveFinding } from './signals/sensitive-data';
import type { SentimentTrend } from './signals/sentiment-trend';
import type { RuleMatch } from './signals/topic-rules';

export type { EscalationPolicy } from '@hitl/shared/policy';

export type ReplyAction = 'answer' | 'draft' | 'escalate';

/** Everything the policy looks at for one customer message (see `computeSignals`). */
export interface EscalationSignals {
  /** Calibrated confidence of the responder's answer, or null when no answer was computed. */
  confidence: number | null;
  /** The responder's topic for the answer, or null when it has none. */
  topic: string | null;
  /** The phrase that asked for a person, or null. */
  explicitRequest: string | null;
  /** This message's score and the trend of the customer's messages since the context boundary. */
  sentiment: { score: number; trend: SentimentTrend } | null;
  ruleMatches: RuleMatch[];
  sensitiveData: SensitiveFinding[];
  /** Earlier low-confidence answers in a row since the boundary, not counting this one. */
  consecutiveLowConfidence: number;
  modelFailed: boolean;
}

export interface EscalationDecision {
  action: ReplyAction;
  /** The mode in effect for this message, after per-topic overrides. */
  mode: OversightMode;
  /** Every signal that fired, with its value and the threshold or rule it was compared with. */
  reasons: Reason[];
}

const caution: Record<OversightMode, number> = { autonomous: 0, supervised: 1, approval: 2 };

/** The confidence threshold for the responder's topic: the topic's own when it sets one, else the global. */
export function resolveThreshold(policy: EscalationPolicy, topic: string | null): number {
  return (
    (topic !== null ? policy.topics[topic]?.confidenceThreshold : undefined) ?? policy.confidenceThreshold
  );
}

/**
 * The mode in effect: the overrides of the matching rules' topics and of the responder's topic; when
 * several apply, the most cautious (approval > supervised > autonomous). None → the global mode.
 */
export function resolveMode(
  policy: EscalationPolicy,
  topic: string | null,
  ruleMatches: RuleMatch[],
): OversightMode {
  const topics = [...ruleMatches.map((m) => m.topic), ...(topic === null ? [] : [topic])];
  let mode: OversightMode | null = null;
  for (const t of topics) {
    const override = policy.topics[t]?.mode;
    if (override && (mode === null || caution[override] > caution[mode])) mode = override;
  }
  return mode ?? policy.mode;
}

/**
 * The pure decision: signals + policy → what the bot does with its reply. Precedence:
 *   1. The effective mode is resolved first (`resolveMode`).
 *   2. An explicit request for a person → escalate, in every mode (autonomous too).
 *   3. The model failed → escalate (`model_unavailable`), in every mode.
 *   4. Autonomous mode stops here: it answers, never escalates on its own, never drafts.
 *   5. Any of these → escalate: confidence below the (per-topic) threshold (`low_confidence`, unless an
 *      `answer` rule of the responder's topic — or of any topic when the responder has none — matched);
 *      sentiment below `escalateBelow` (`negative_sentiment`); a worsening streak of at least N below the
 *      optional floor (`sentiment_trend`); an `escalate` rule (`topic_rule`); this low-confidence answer
 *      making `count` in a row (`repeated_fallback`); sensitive data of a listed kind with action
 *      `escalate` (`sensitive_data`).
 *   6. Else a `require_approval` rule or sensitive data with action `require_approval`, or the approval
 *      mode → draft, the reasons naming what required approval.
 *   7. Else → answer.
 * An escalation's reasons also list approval requirements that fired, so the agent sees everything.
 */
export function decideEscalation(signals: EscalationSignals, policy: EscalationPolicy): EscalationDecision {
  const mode = resolveMode(policy, signals.topic, signals.ruleMatches);
  const forced: Reason[] = [];
  if (signals.explicitRequest !== null) {
    forced.push({ signal: 'customer_request', value: 1, detail: signals.explicitRequest });
  }
  if (signals.modelFailed) {
    forced.push({ signal: 'model_unavailable', value: 1, detail: 'the answering model failed' });
  }
  if (mode === 'autonomous') {
    return { action: forced.length > 0 ? 'escalate' : 'answer', mode, reasons: forced };
  }

  const escalating = [...forced, ...escalatingReasons(signals, policy)];
  const approvals = approvalReasons(signals, policy);
  if (escalating.length > 0) return { action: 'escalate', mode, reasons: [...escalating, ...approvals] };
  if (approvals.length > 0 || mode === 'approval') return { action: 'draft', mode, reasons: approvals };
  return { action: 'answer', mode, reasons: [] };
}

function escalatingReasons(signals: EscalationSignals, policy: EscalationPolicy): Reason[] {
  const reasons: Reason[] = [];
  const threshold = resolveThreshold(policy, signals.topic);
  const thresholdDetail =
    threshold !== policy.confidenceThreshold && signals.topic !== null
      ? { detail: `threshold of topic ${signals.topic}` }
      : {};
  const lowConfidence = signals.confidence !== null && signals.confidence < threshold;
  const smallTalk = signals.ruleMatches.some(
    (m) => m.action === 'answer' && (signals.topic === null || m.topic === signals.topic),
  );
  if (lowConfidence && !smallTalk) {
    reasons.push({
      signal: 'low_confidence',
      value: round2(signals.confidence ?? 0),
      threshold: round2(threshold),
      ...thresholdDetail,
    });
  }

  const { sentiment } = signals;
  if (sentiment && sentiment.score < policy.sentiment.escalateBelow) {
    reasons.push({
      signal: 'negative_sentiment',
      value: round2(sentiment.score),
      threshold: round2(policy.sentiment.escalateBelow),
    });
  }
  const { trendFloor, worseningStreak } = policy.sentiment;
  if (
    sentiment &&
    sentiment.trend.worseningStreak >= worseningStreak &&
    (trendFloor === undefined || sentiment.trend.latest < trendFloor)
  ) {
    reasons.push({
      signal: 'sentiment_trend',
      value: sentiment.trend.worseningStreak,
      threshold: worseningStreak,
      detail: `latest ${round2(sentiment.trend.latest)}, average ${round2(sentiment.trend.average)}`,
    });
  }

  for (const match of signals.ruleMatches) {
    if (match.action === 'escalate') reasons.push(ruleReason(match, policy));
  }

  const inARow = signals.consecutiveLowConfidence + 1;
  if (lowConfidence && inARow >= policy.repeatedFallback.count) {
    reasons.push({ signal: 'repeated_fallback', value: inARow, threshold: policy.repeatedFallback.count });
  }

  const sensitive = sensitiveReason(signals, policy);
  if (sensitive && policy.sensitiveData.action === 'escalate') reasons.push(sensitive);
  return reasons;
}

function approvalReasons(signals: EscalationSignals, policy: EscalationPolicy): Reason[] {
  const reasons = signals.ruleMatches
    .filter((m) => m.action === 'require_approval')
    .map((m) => ruleReason(m, policy));
  const sensitive = sensitiveReason(signals, policy);
  if (sensitive && policy.sensitiveData.action === 'require_approval') reasons.push(sensitive);
  return reasons;
}

function ruleReason(match: RuleMatch, policy: EscalationPolicy): Reason {
  const description = policy.rules.find((r) => r.id === match.ruleId)?.description || `topic ${match.topic}`;
  const detail = match.action === 'require_approval' ? `requires approval: ${description}` : description;
  return { signal: 'topic_rule', value: match.matched, rule: match.ruleId, detail };
}

/** Names the kinds found, never the data itself: reasons are shown to agents and stored. */
function sensitiveReason(signals: EscalationSignals, policy: EscalationPolicy): Reason | null {
  const found = signals.sensitiveData.filter((f) => policy.sensitiveData.kinds.includes(f.kind));
  if (found.length === 0) return null;
  const kinds = [...new Set(found.map((f) => f.kind))];
  return { signal: 'sensitive_data', value: kinds.join(', '), detail: `${found.length} found` };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
