import type { Reason } from '@hitl/shared/models';
import { formatReason } from '../lib/format';

export function ReasonChip({ reason }: { reason: Reason }) {
  return (
    <span className={`chip chip-${reason.signal}`} data-testid="reason" title={describeReason(reason)}>
      {formatReason(reason)}
    </span>
  );
}

/** The comparison behind a reason, for tooltips and the details panel. */
export function describeReason(reason: Reason): string {
  const parts: string[] = [];
  if (reason.threshold !== undefined) parts.push(`threshold ${reason.threshold}`);
  if (reason.rule) parts.push(`rule ${reason.rule}`);
  if (reason.detail) parts.push(reason.detail);
  return parts.join(' · ');
}

export function reasonKey(reason: Reason): string {
  return `${reason.signal}:${reason.rule ?? ''}:${reason.value}`;
}
