import type { Conversation, EscalationSignal, Reason } from './models';

/**
 * How urgent an escalation reason is, most severe first. A topic rule (legal threat, fraud, injury, or a
 * rule that requires approval) outranks sensitive data, which outranks an angry customer, an explicit
 * request for a person, a bot that was unsure, and everything else.
 */
export const severityTiers = [
  'high_stakes',
  'sensitive_data',
  'anger',
  'customer_request',
  'low_confidence',
  'other',
] as const;
export type SeverityTier = (typeof severityTiers)[number];

export const severityLabels: Record<SeverityTier, string> = {
  high_stakes: 'High stakes',
  sensitive_data: 'Sensitive data',
  anger: 'Upset customer',
  customer_request: 'Asked for a person',
  low_confidence: 'Bot unsure',
  other: 'Other',
};

const tierOfSignal: Record<EscalationSignal, SeverityTier> = {
  topic_rule: 'high_stakes',
  sensitive_data: 'sensitive_data',
  negative_sentiment: 'anger',
  sentiment_trend: 'anger',
  customer_request: 'customer_request',
  low_confidence: 'low_confidence',
  repeated_fallback: 'low_confidence',
  model_unavailable: 'other',
  review_band: 'other',
};

export function severityTier(reason: Pick<Reason, 'signal'>): SeverityTier {
  return tierOfSignal[reason.signal];
}

/** 0 for the most severe tier; a conversation without reasons ranks after every tier. */
export function severityRank(reasons: readonly Pick<Reason, 'signal'>[]): number {
  let rank: number = severityTiers.length;
  for (const reason of reasons) rank = Math.min(rank, severityTiers.indexOf(severityTier(reason)));
  return rank;
}

/** The most severe reason (the first listed among equals), or null when there is none. */
export function topReason<R extends Pick<Reason, 'signal'>>(reasons: readonly R[]): R | null {
  let top: R | null = null;
  for (const reason of reasons) {
    if (
      top === null ||
      severityTiers.indexOf(severityTier(reason)) < severityTiers.indexOf(severityTier(top))
    )
      top = reason;
  }
  return top;
}

export type Prioritised = Pick<Conversation, 'id' | 'reasons' | 'escalatedAt' | 'updatedAt'>;

/** Since when the customer has been waiting: the escalation, or the last change when there was none. */
export function waitingSince(conversation: Prioritised): string {
  return conversation.escalatedAt ?? conversation.updatedAt;
}

/**
 * Queue order: the most severe top reason first; among equals, the longest waiting first; then by id, so
 * the order is total and the same on every screen.
 */
export function compareQueuePriority(a: Prioritised, b: Prioritised): number {
  const bySeverity = severityRank(a.reasons) - severityRank(b.reasons);
  if (bySeverity !== 0) return bySeverity;
  const byWaiting = instant(waitingSince(a)) - instant(waitingSince(b));
  if (byWaiting !== 0 && !Number.isNaN(byWaiting)) return byWaiting;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A sorted copy; the input is left as it was. */
export function orderQueue<T extends Prioritised>(conversations: Iterable<T>): T[] {
  return [...conversations].sort(compareQueuePriority);
}

/** An unreadable time sorts last among its tier, as if it had only just arrived. */
function instant(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}
