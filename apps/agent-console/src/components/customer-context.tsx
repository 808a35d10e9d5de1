import { describeBrowser } from '@hitl/shared/describe-browser';
import type { Conversation } from '@hitl/shared/models';
import type { AgentSocket } from '../api/agent-socket';
import { useNow } from '../hooks/use-now';
import { useVisitorProfile } from '../hooks/use-visitor-profile';
import { formatCustomerTime } from '../lib/customer-time';
import { formatDateTime } from '../lib/format';

/**
 * Who the customer is and where they are, as the site and their browser said: every value is shown as
 * text (React escapes it), and the identity is labelled as the site's claim, not a verified one.
 */
export function CustomerContext({
  socket,
  conversation,
}: {
  socket: AgentSocket;
  conversation: Conversation;
}) {
  const profile = useVisitorProfile(socket, conversation);
  const now = useNow(30_000);
  const identity = profile?.identity ?? null;
  const page = profile?.page ?? null;

  return (
    <section data-testid="customer-context">
      <h3>Customer</h3>
      {identity ? (
        <>
          <p className="claim-note" data-testid="identity-claim">
            Given by the site, not verified
          </p>
          <dl className="details-list">
            <dt>Name</dt>
            <dd data-testid="customer-name">{identity.name ?? <span className="muted">—</span>}</dd>
            <dt>E-mail</dt>
            <dd data-testid="customer-email" className="break">
              {identity.email ?? <span className="muted">—</span>}
            </dd>
            {identity.externalId && (
              <>
                <dt>Site id</dt>
                <dd className="mono break">{identity.externalId}</dd>
              </>
            )}
          </dl>
        </>
      ) : (
        <p className="muted">The site did not identify this visitor.</p>
      )}
      {page ? (
        <dl className="details-list customer-page">
          <dt>Page</dt>
          <dd data-testid="customer-page">
            <span className="page-title">{page.title || 'Untitled page'}</span>
            <a className="page-link mono break" href={page.url} target="_blank" rel="noopener noreferrer">
              {page.url}
            </a>
            <span className="muted">since {formatDateTime(page.at)}</span>
          </dd>
          <dt>Referrer</dt>
          <dd className="mono break" data-testid="customer-referrer">
            {page.referrer ?? <span className="muted">None</span>}
          </dd>
          <dt>Browser</dt>
          <dd data-testid="customer-browser" title={page.userAgent ?? undefined}>
            {describeBrowser(page.userAgent)}
          </dd>
          <dt>Language</dt>
          <dd>{page.language || <span className="muted">Unknown</span>}</dd>
          <dt>Local time</dt>
          <dd data-testid="customer-time">{formatCustomerTime(now, page.timeZone, page.utcOffsetMinutes)}</dd>
        </dl>
      ) : (
        <p className="muted">No page reported yet.</p>
      )}
    </section>
  );
}
