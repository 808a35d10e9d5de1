import type { OversightMode, Reason } from '@hitl/shared/models';
import { type EscalationPolicy, resolveBands } from '@hitl/shared/policy';
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
  /**
   * An answer sent with a confidence below the answer threshold: it enters the review-later list
   * (`review_band` among the reasons). Only with action `answer`: a draft is reviewed before it is sent.
   */
  reviewLater: boolean;
}

const caution: Record<OversightMode, number> = { autonomous: 0, supervised: 1, approval: 2 };

/** The answer threshold for the responder's topic: the topic's own when it sets one, else the global. */
export function resolveThreshold(policy: EscalationPolicy, topic: string | null): number {
  return resolveBands(policy, topic).answer;
}

/** The review threshold for the responder's topic; below it an answer escalates. */
export function resolveReviewThreshold(policy: EscalationPolicy, topic: string | null): number {
  return resolveBands(policy, topic).review;
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
 * The pure decision: signals + policy → what the bot does with its reply. Two bands split confidence:
 * at or above the answer threshold the bot answers; from the review threshold up to it the bot answers
 * but the answer is flagged for review later (`review_band`, `reviewLater`); below the review threshold
 * it escalates (`low_confidence`). Precedence:
 *   1. The effective mode is resolved first (`resolveMode`).
 *   2. An explicit request for a person → escalate, in every mode (autonomous too).
 *   3. The model failed → escalate (`model_unavailable`), in every mode.
 *   4. Autonomous mode stops here: it answers, never escalates on its own, never drafts; an answer below
 *      the answer threshold (either band) is flagged for review later.
 *   5. Any of these → escalate: confidence below the (per-topic) review threshold (`low_confidence`, unless
 *      an `answer` rule of the responder's topic — or of any topic when the responder has none — matched);
 *      sentiment below `escalateBelow` (`negative_sentiment`); a worsening streak of at least N below the
 *      optional floor (`sentiment_trend`); an `escalate` rule (`topic_rule`); this low-confidence answer
 *      making `count` in a row (`repeated_fallback`); sensitive data of a listed kind with action
 *      `escalate` (`sensitive_data`).
 *   6. Else a `require_approval` rule or sensitive data with action `require_approval`, or the approval
 *      mode → draft, the reasons naming what required approval (and `review_band` when in the band).
 *   7. Else → answer, flagged for review later when in the review band.
 * An escalation's reasons also list approval requirements that fired, so the agent sees everything.
 * An `answer` rule (small talk) silences both bands: a greeting needs no review.
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
    if (forced.length > 0) return { action: 'escalate', mode, reasons: forced, reviewLater: false };
    const band = bandReason(signals, policy, 'autonomous');
    return { action: 'answer', mode, reasons: band ? [band] : [], reviewLater: band !== null };
  }

  const escalating = [...forced, ...escalatingReasons(signals, policy)];
  const approvals = approvalReasons(signals, policy);
  if (escalating.length > 0) {
    return { action: 'escalate', mode, reasons: [...escalating, ...approvals], reviewLater: false };
  }
  const band = bandReason(signals, policy, mode);
  if (approvals.length > 0 || mode === 'approval') {
    return { action: 'draft', mode, reasons: band ? [...approvals, band] : approvals, reviewLater: false };
  }
  return { action: 'answer', mode, reasons: band ? [band] : [], reviewLater: band !== null };
}

/** True when an `answer` rule (small talk) covers the responder's topic, or any topic when it has none. */
function isSmallTalk(signals: EscalationSignals): boolean {
  return signals.ruleMatches.some(
    (m) => m.action === 'answer' && (signals.topic === null || m.topic === signals.topic),
  );
}

/**
 * `review_band value < answer threshold` for an answer sent below the answer threshold: only from the
 * review threshold up in supervised and approval modes (lower ones escalate), from 0 up in autonomous.
 */
function bandReason(
  signals: EscalationSignals,
  policy: EscalationPolicy,
  mode: OversightMode,
): Reason | null {
  const { confidence } = signals;
  if (confidence === null || isSmallTalk(signals)) return null;
  const { answer, review } = resolveBands(policy, signals.topic);
  if (confidence >= answer || (mode !== 'autonomous' && confidence < review)) return null;
  return {
    signal: 'review_band',
    // Rounded down, so that an answer just under the threshold never reads "0.86 < 0.86".
    value: Math.floor(confidence * 100 + 1e-9) / 100,
    threshold: round2(answer),
    detail: `review band ${round2(review)}–${round2(answer)}`,
  };
}

function escalatingReasons(signals: EscalationSignals, policy: EscalationPolicy): Reason[] {
  const reasons: Reason[] = [];
  // Below the review threshold an answer escalates; the review band above it is answered (see bandReason).
  const threshold = resolveReviewThreshold(policy, signals.topic);
  const thresholdDetail =
    threshold !== resolveReviewThreshold(policy, null) && signals.topic !== null
      ? { detail: `threshold of topic ${signals.topic}` }
      : {};
  const lowConfidence = signals.confidence !== null && signals.confidence < threshold;
  const smallTalk = isSmallTalk(signals);
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
  return sensitiveDataReason(signals.sensitiveData, policy);
}

/** The `sensitive_data` reason for these findings, when the policy acts on any of their kinds. */
export function sensitiveDataReason(
  findings: EscalationSignals['sensitiveData'],
  policy: EscalationPolicy,
): Reason | null {
  const found = findings.filter((f) => policy.sensitiveData.kinds.includes(f.kind));
  if (found.length === 0) return null;
  const kinds = [...new Set(found.map((f) => f.kind))];
  return { signal: 'sensitive_data', value: kinds.join(', '), detail: `${found.length} found` };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
