import { closeOutcomeLabels } from '@hitl/shared/close-outcomes';
import type { Conversation } from '@hitl/shared/models';
import type { ReactNode } from 'react';
import { formatDateTime, formatReason } from '../lib/format';
import { describeReason, reasonKey } from './reason-chip';
import { StatePill } from './state-pill';
import { TimelineSection } from './timeline-section';

/**
 * `children`: further sections (the customer's context), shown under the conversation's details. `open`:
 * shown over the conversation on narrow screens, where the pane has no column of its own.
 */
export function DetailsPanel({
  conversation,
  open = false,
  children,
}: {
  conversation: Conversation | null;
  open?: boolean;
  children?: ReactNode;
}) {
  if (!conversation) return <aside className="details" />;
  const {
    state,
    assignee,
    reasons,
    visitorId,
    siteKey,
    createdAt,
    escalatedAt,
    updatedAt,
    lastSeq,
    contactEmail,
    outcome,
    tags,
    satisfaction,
  } = conversation;

  return (
    // Focusable: the pane scrolls (customer, timeline), and keyboard users must be able to scroll it too.
    <aside
      id="conversation-details"
      className={open ? 'details details-open' : 'details'}
      data-testid="conversation-details"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs keyboard access (WCAG 2.1.1)
      tabIndex={0}
      aria-label="Conversation details"
    >
      <section>
        <h3>Details</h3>
        <dl className="details-list">
          <dt>State</dt>
          <dd>
            <StatePill state={state} />
          </dd>
          <dt>Assignee</dt>
          <dd>{assignee?.name ?? <span className="muted">Unassigned</span>}</dd>
          <dt>Visitor</dt>
          <dd className="mono" data-testid="visitor-id">
            {visitorId}
          </dd>
          <dt>Contact</dt>
          <dd data-testid="contact-email">
            {contactEmail ? (
              <a href={`mailto:${contactEmail}`}>{contactEmail}</a>
            ) : (
              <span className="muted">None left</span>
            )}
          </dd>
          <dt>Site</dt>
          <dd className="mono">{siteKey}</dd>
          <dt>Created</dt>
          <dd>{formatDateTime(createdAt)}</dd>
          <dt>Escalated</dt>
          <dd>{formatDateTime(escalatedAt)}</dd>
          <dt>Updated</dt>
          <dd>{formatDateTime(updatedAt)}</dd>
          <dt>Messages</dt>
          <dd>{lastSeq}</dd>
          {outcome && (
            <>
              <dt>Outcome</dt>
              <dd data-testid="close-outcome">{closeOutcomeLabels[outcome]}</dd>
            </>
          )}
          {tags.length > 0 && (
            <>
              <dt>Tags</dt>
              <dd className="chips" data-testid="conversation-tags">
                {tags.map((tag) => (
                  <span key={tag} className="chip chip-neutral">
                    {tag}
                  </span>
                ))}
              </dd>
            </>
          )}
          {satisfaction && (
            <>
              <dt>Rating</dt>
              <dd data-testid="satisfaction">
                <span aria-hidden="true">
                  {'★'.repeat(satisfaction.rating)}
                  <span className="muted">{'★'.repeat(5 - satisfaction.rating)}</span>
                </span>{' '}
                {satisfaction.rating} out of 5
                {satisfaction.comment && <q className="satisfaction-comment">{satisfaction.comment}</q>}
              </dd>
            </>
          )}
        </dl>
      </section>
      {children}
      <section>
        <h3>Escalation reasons</h3>
        {reasons.length === 0 ? (
          <p className="muted">None</p>
        ) : (
          <ul className="reason-list">
            {reasons.map((reason) => (
              <li key={reasonKey(reason)}>
                <span className={`chip chip-${reason.signal}`}>{formatReason(reason)}</span>
                {describeReason(reason) && <span className="reason-detail">{describeReason(reason)}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <TimelineSection conversation={conversation} />
    </aside>
  );
}
