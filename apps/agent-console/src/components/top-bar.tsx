import type { Agent } from '@hitl/shared/models';
import { can } from '@hitl/shared/permissions';
import type { ConnectionStatus } from '../hooks/use-agent-socket';
import {
  analyticsHref,
  correctionsHref,
  inboxHref,
  knowledgeHref,
  type Page,
  reviewHref,
  settingsHref,
} from '../hooks/use-hash-route';
import { ConnectionIndicator } from './connection-indicator';

type Props = {
  agent: Agent;
  page: Page;
  status: ConnectionStatus;
  agentsOnline: number | null;
  queued: number;
  /** Answers waiting in the review-later list. */
  reviewLater: number;
  onSignOut: () => Promise<void>;
};

export function TopBar({ agent, page, status, agentsOnline, queued, reviewLater, onSignOut }: Props) {
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Support console</span>
      </div>
      <nav className="topnav">
        <a href={inboxHref} className={page === 'inbox' ? 'active' : undefined}>
          Inbox
          {queued > 0 && <span className="nav-count">{queued}</span>}
        </a>
        <a href={reviewHref} data-testid="nav-review" className={page === 'review' ? 'active' : undefined}>
          Review later
          {reviewLater > 0 && (
            <span className="nav-count nav-count-quiet" data-testid="nav-review-count">
              {reviewLater}
            </span>
          )}
        </a>
        <a
          href={correctionsHref}
          data-testid="nav-corrections"
          className={page === 'corrections' ? 'active' : undefined}
        >
          Corrections
        </a>
        <a
          href={knowledgeHref}
          data-testid="nav-knowledge"
          className={page === 'knowledge' ? 'active' : undefined}
        >
          Knowledge
        </a>
        {can(agent.role, 'analytics.view') && (
          <a
            href={analyticsHref}
            data-testid="nav-analytics"
            className={page === 'analytics' ? 'active' : undefined}
          >
            Analytics
          </a>
        )}
        <a
          href={settingsHref}
          data-testid="nav-settings"
          className={page === 'settings' ? 'active' : undefined}
        >
          Settings
        </a>
      </nav>
      <div className="topbar-spacer" />
      <span className="presence" title="Agents online" data-testid="agents-online">
        <span className="presence-icon" aria-hidden="true" />
        {agentsOnline ?? '–'} online
      </span>
      <ConnectionIndicator status={status} />
      <span className="whoami">
        <span data-testid="agent-name" className="agent-name">
          {agent.name}
        </span>
        <span className="role-badge" data-testid="agent-role">
          {agent.role}
        </span>
      </span>
      <button data-testid="logout" type="button" className="btn btn-ghost" onClick={() => void onSignOut()}>
        Log out
      </button>
    </header>
  );
}
