import type { QueueStatus } from '@hitl/shared/queue-wait';
import type { ChatSnapshot } from './chat-client';
import { h, setText } from './render';
import { waitingStrings as t } from './strings-waiting';

const MINUTE = 60_000;

/** An expected wait in words, rounded the way people say it: "a few minutes", "about 15 min". */
export function formatWait(ms: number): string {
  if (ms < MINUTE) return t.waitUnderMinute;
  if (ms < 5 * MINUTE) return t.waitFewMinutes;
  if (ms >= 60 * MINUTE) return t.waitOverHour;
  return t.waitMinutes(Math.min(55, Math.round(ms / (5 * MINUTE)) * 5));
}

/** "You are number 2 in the queue · expected wait about 10 min" (no estimate: the place alone). */
export function queueStatusText(status: QueueStatus): string {
  const place = t.queuePosition(status.position);
  return status.expectedWaitMs === null
    ? place
    : `${place} · ${t.expectedWait(formatWait(status.expectedWaitMs))}`;
}

/** The line under the header while the conversation waits for a person, updated as the queue moves. */
export class QueueStatusLine {
  readonly element = h('p', {
    class: 'queue-status',
    'data-testid': 'queue-status',
    role: 'status',
    hidden: true,
  });

  render(snapshot: Pick<ChatSnapshot, 'queue'>): void {
    this.element.hidden = snapshot.queue === null;
    setText(this.element, snapshot.queue ? queueStatusText(snapshot.queue) : '');
  }
}
