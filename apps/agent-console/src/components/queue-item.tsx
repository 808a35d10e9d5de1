import type { Conversation } from '@hitl/shared/models';
import { severityLabels, severityTier, topReason } from '@hitl/shared/queue-priority';
import { elapsedSince, formatDuration } from '../lib/format';
import type { DraftSummary } from '../lib/pending-drafts';
import { ReasonChip, reasonKey } from './reason-chip';
import { StatePill } from './state-pill';

type Props = {
  conversation: Conversation;
  now: number;
  selected: boolean;
  flashing: boolean;
  /** Pending drafts of this conversation, if any. */
  drafts: DraftSummary | null;
  /** In the review list the item speaks about its drafts: their reasons and how long they have waited. */
  reviewing: boolean;
  onSelect: (id: string) => void;
};

export function QueueItem({ conversation, now, selected, flashing, drafts, reviewing, onSelect }: Props) {
  const { id, state, assignee, lastMessage, visitorId } = conversation;
  const reasons = reviewing && drafts ? drafts.reasons : conversation.reasons;
  const showReasons = (reviewing || state === 'queued' || state === 'agent') && reasons.length > 0;
  const top = topReason(reasons);
  // The most severe reason leads; the others follow in the order the policy gave them.
  const ordered = top ? [top, ...reasons.filter((reason) => reason !== top)] : reasons;
  const classes = ['queue-item', selected && 'selected', flashing && 'flash'].filter(Boolean).join(' ');

  return (
    <li>
      <button
        type="button"
        className={classes}
        data-testid="queue-item"
        data-conversation-id={id}
        data-state={state}
        data-drafts={drafts?.count ?? 0}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(id)}
      >
        <span className="queue-item-top">
          <span className="queue-item-visitor" title={visitorId}>
            Visitor {visitorId}
          </span>
          <StatePill state={state} />
          {conversation.contactEmail && state !== 'closed' && (
            <span className="tag tag-contact" data-testid="contact-badge" title={conversation.contactEmail}>
              Left e-mail
            </span>
          )}
          {drafts && (
            <span className="tag tag-draft" data-testid="draft-badge" title="Drafts waiting for review">
              {drafts.count > 1 ? `${drafts.count} drafts` : 'draft'}
            </span>
          )}
          <span className="queue-item-time">
            {reviewing && drafts ? waitingLabel(drafts.since, now) : timeLabel(conversation, now)}
          </span>
        </span>
        {showReasons && top && (
          <span className="queue-item-priority" data-testid="top-reason" data-tier={severityTier(top)}>
            {severityLabels[severityTier(top)]}
          </span>
        )}
        {showReasons && (
          <span className="chips">
            {ordered.map((reason) => (
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
  if (conversation.state === 'queued')
    return waitingLabel(conversation.escalatedAt ?? conversation.updatedAt, now);
  const idle = elapsedSince(conversation.updatedAt, now);
  return idle === null ? '' : `${formatDuration(idle)} ago`;
}

function waitingLabel(since: string, now: number): string {
  const waiting = elapsedSince(since, now);
  return waiting === null ? 'waiting' : `waiting ${formatDuration(waiting)}`;
}
