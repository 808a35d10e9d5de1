import type { Reason } from '@hitl/shared/models';

/** "low_confidence 0.31", "customer_request 1", "topic_rule refunds": integers stay whole, other numbers get 2 decimals. */
export function formatReason(reason: Pick<Reason, 'signal' | 'value' | 'threshold'>): string {
  // A review-band answer was sent anyway: the comparison is the point, so it is shown, not only hovered.
  if (reason.signal === 'review_band' && reason.threshold !== undefined)
    return `${reason.signal} ${formatValue(reason.value)} < ${formatValue(reason.threshold)}`;
  return `${reason.signal} ${formatValue(reason.value)}`;
}

export function formatValue(value: number | string): string {
  if (typeof value === 'string') return value;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

export function formatConfidence(confidence: number): string {
  return confidence.toFixed(2);
}

export type ConfidenceBand = 'high' | 'medium' | 'low';

export function confidenceBand(confidence: number): ConfidenceBand {
  if (confidence >= 0.75) return 'high';
  if (confidence >= 0.5) return 'medium';
  return 'low';
}

/** Compact elapsed time: "42s", "4m 12s", "2h 05m", "3d 4h". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

export function elapsedSince(iso: string | null, now: number): number | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : now - time;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : timeFormat.format(date);
}

export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateTimeFormat.format(date);
}
