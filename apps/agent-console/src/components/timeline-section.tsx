import { closeOutcomeLabels } from '@hitl/shared/close-outcomes';
import type { TimelineEvent } from '@hitl/shared/conversation-timeline';
import type { Conversation } from '@hitl/shared/models';
import { useTimeline } from '../hooks/use-timeline';
import { formatDateTime, formatReason } from '../lib/format';
import './conversation-actions.css';

/** What happened to the conversation, oldest first: kept after hand-backs, which clear the current reasons. */
export function TimelineSection({ conversation }: { conversation: Conversation }) {
  const { events, error } = useTimeline(conversation);
  return (
    <section aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">Timeline</h3>
      {error && (
        <p className="action-error" role="alert">
          {error}
        </p>
      )}
      {events && events.length === 0 && <p className="muted">Nothing yet</p>}
      {events && events.length > 0 && (
        <ol className="timeline" data-testid="timeline">
          {events.map((event) => (
            <li key={event.id} data-testid="timeline-event" data-kind={event.kind}>
              <span>{describeEvent(event)}</span>
              {event.reasons && event.reasons.length > 0 && (
                <span className="chips">
                  {event.reasons.map((reason) => (
                    <span
                      key={`${reason.signal}-${reason.rule ?? ''}`}
                      className={`chip chip-${reason.signal}`}
                    >
                      {formatReason(reason)}
                    </span>
                  ))}
                </span>
              )}
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function describeEvent(event: TimelineEvent): string {
  const who = event.actor?.name ?? 'The server';
  switch (event.kind) {
    case 'escalated':
      return 'Escalated to the queue';
    case 'claimed':
      return `${who} claimed it`;
    case 'transferred':
      return `${who} transferred it from ${event.from?.name ?? '?'} to ${event.to?.name ?? '?'}`;
    case 'handed_back':
      return `${who} handed it back to the bot`;
    case 'unassigned':
      return `${event.from?.name ?? 'The agent'} left; back to the queue`;
    case 'draft_held':
      return 'The bot’s reply was held for review';
    case 'draft_reviewed':
      return `${who} ${event.decision === 'approved' ? 'approved' : event.decision === 'edited' ? 'edited' : 'rejected'} the held reply`;
    case 'corrected':
      return `${who} corrected a bot reply`;
    case 'closed': {
      const outcome = event.outcome ? ` — ${closeOutcomeLabels[event.outcome]}` : '';
      const tags = event.tags && event.tags.length > 0 ? ` (${event.tags.join(', ')})` : '';
      return `${who} closed it${outcome}${tags}`;
    }
  }
}
