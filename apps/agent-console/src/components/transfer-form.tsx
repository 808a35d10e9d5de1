import type { Conversation } from '@hitl/shared/models';
import type { TeamMember, TeamResponse } from '@hitl/shared/team-presence';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/api-error';
import { fetchTeam } from '../api/team-presence';
import './conversation-actions.css';

type Props = {
  conversation: Conversation;
  busy: boolean;
  onTransfer: (member: TeamMember) => void;
  onCancel: () => void;
};

const presenceLabel = { online: 'Online', away: 'Away', offline: 'Offline' } as const;

/** The teammates a conversation can go to: online first, then least busy; offline or full ones disabled. */
export function TransferForm({ conversation, busy, onTransfer, onCancel }: Props) {
  const [team, setTeam] = useState<TeamResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetchTeam().then(setTeam, (failure: unknown) => setError(errorMessage(failure)));
  }, []);

  const members = (team?.members ?? [])
    .filter((member) => member.id !== conversation.assignee?.id)
    .sort((a, b) => rank(a) - rank(b) || a.open - b.open || a.name.localeCompare(b.name));
  const limit = team?.assignment.maxOpen ?? null;

  return (
    <div
      className="action-popover"
      role="dialog"
      aria-label="Transfer the conversation"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      data-testid="transfer-form"
    >
      <p className="muted">Transfer to a teammate</p>
      {error && (
        <p className="action-error" role="alert">
          {error}
        </p>
      )}
      {!team && !error && <p className="muted">Loading the team…</p>}
      {team && members.length === 0 && <p className="muted">Nobody else is on the team.</p>}
      <ul className="agent-choice-list">
        {members.map((member) => {
          const full = limit !== null && member.open >= limit;
          const why = member.presence === 'offline' ? 'offline' : full ? 'at their limit' : null;
          return (
            <li key={member.id}>
              <button
                type="button"
                className="agent-choice"
                disabled={busy || why !== null}
                title={why ? `${member.name} is ${why}` : `Transfer to ${member.name}`}
                onClick={() => onTransfer(member)}
                data-testid={`transfer-to-${member.id}`}
              >
                <span>
                  <span className={`presence-dot presence-${member.presence}`} aria-hidden="true" />
                  {member.name}
                  <span className="sr-only"> ({presenceLabel[member.presence]})</span>
                </span>
                <span className="muted">
                  {member.open}
                  {limit !== null ? `/${limit}` : ''} open
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <div className="popover-actions">
        <button type="button" className="btn btn-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function rank(member: TeamMember): number {
  return member.presence === 'online' ? 0 : member.presence === 'away' ? 1 : 2;
}
