import type { Conversation } from '@hitl/shared/models';
import { elapsedSince, formatDuration } from '../lib/format';
import { ReasonChip, reasonKey } from './reason-chip';
import { StatePill } from './state-pill';

type Props = {
  conversation: Conversation;
  now: number;
  selected: boolean;
  flashing: boolean;
  onSelect: (id: string) => void;
};

export function QueueItem({ conversation, now, selected, flashing, onSelect }: Props) {
  const { id, state, reasons, assignee, lastMessage, visitorId } = conversation;
  const showReasons = (state === 'queued' || state === 'agent') && reasons.length > 0;
  const classes = ['queue-item', selected && 'selected', flashing && 'flash'].filter(Boolean).join(' ');

  return (
    <li>
      <button
        type="button"
        className={classes}
        data-testid="queue-item"
        data-conversation-id={id}
        data-state={state}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(id)}
      >
        <span className="queue-item-top">
          <span className="queue-item-visitor" title={visitorId}>
            Visitor {visitorId}
          </span>
          <StatePill state={state} />
          <span className="queue-item-time">{timeLabel(conversation, now)}</span>
        </span>
        {showReasons && (
          <span className="chips">
            {reasons.map((reason) => (
              <ReasonChip key={reasonKey(reason)} reason={reason} />
            ))}
          </span>
        )}
        <span className="queue-item-preview">{lastMessage ?? 'No messages yet'}</span>
        {state === 'agent' && assignee && <span className="queue-item-assignee">with {assignee.name}</span>}
      </button>
    </li>
  );
}

function timeLabel(conversation: Conversation, now: number): string {
  if (conversation.state === 'queued') {
    const waiting = elapsedSince(conversation.escalatedAt ?? conversation.updatedAt, now);
    return waiting === null ? 'waiting' : `waiting ${formatDuration(waiting)}`;
  }
  const idle = elapsedSince(conversation.updatedAt, now);
  return idle === null ? '' : `${formatDuration(idle)} ago`;
}
