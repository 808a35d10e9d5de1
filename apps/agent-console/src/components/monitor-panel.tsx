import type { Conversation } from '@hitl/shared/models';
import { useMemo } from 'react';
import type { ConversationMap } from '../hooks/use-conversations';
import { confidenceBand, formatConfidence } from '../lib/format';
import { timeOf } from '../lib/pending-drafts';
import { StatePill } from './state-pill';

type Props = {
  conversations: ConversationMap;
  selectedId: string | null;
  onSelect: (id: string) => void;
};

/**
 * Every open conversation at a glance, most recent activity first: state, owner, the customer's latest words,
 * their sentiment and the bot's latest confidence. Live: it reads the conversations the agent broadcasts
 * keep up to date.
 */
export function MonitorPanel({ conversations, selectedId, onSelect }: Props) {
  const open = useMemo(
    () =>
      [...conversations.values()]
        .filter((conversation) => conversation.state !== 'closed')
        .sort((a, b) => timeOf(b.updatedAt) - timeOf(a.updatedAt)),
    [conversations],
  );
  return (
    <section className="sidebar-section" aria-label="Live monitor">
      <ul className="queue-list" data-testid="monitor">
        {open.map((conversation) => (
          <MonitorRow
            key={conversation.id}
            conversation={conversation}
            selected={conversation.id === selectedId}
            onSelect={onSelect}
          />
        ))}
      </ul>
      {open.length === 0 && <p className="queue-empty">No open conversations.</p>}
    </section>
  );
}

function MonitorRow({
  conversation,
  selected,
  onSelect,
}: {
  conversation: Conversation;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const { id, state, assignee, visitorId, lastCustomerText, lastSentiment, lastConfidence } = conversation;
  return (
    <li>
      <button
        type="button"
        className={selected ? 'queue-item selected' : 'queue-item'}
        data-testid="monitor-row"
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
          <span className="queue-item-time" data-testid="monitor-owner">
            {assignee ? assignee.name : state === 'bot' ? 'bot' : 'nobody'}
          </span>
        </span>
        <span className="queue-item-preview" data-testid="monitor-customer" title={lastCustomerText ?? ''}>
          {lastCustomerText ? `“${lastCustomerText}”` : 'The customer has said nothing yet'}
        </span>
        <span className="monitor-signals">
          <span className={`signal signal-${sentimentBand(lastSentiment)}`} data-testid="monitor-sentiment">
            sentiment {lastSentiment === null ? '—' : formatSigned(lastSentiment)}
          </span>
          <span
            className={`signal signal-${lastConfidence === null ? 'none' : confidenceBand(lastConfidence)}`}
            data-testid="monitor-confidence"
          >
            confidence {lastConfidence === null ? '—' : formatConfidence(lastConfidence)}
          </span>
        </span>
      </button>
    </li>
  );
}

function sentimentBand(score: number | null): 'none' | 'low' | 'medium' | 'high' {
  if (score === null) return 'none';
  if (score <= -0.3) return 'low';
  if (score < 0.3) return 'medium';
  return 'high';
}

function formatSigned(score: number): string {
  const fixed = score.toFixed(2);
  return score > 0 ? `+${fixed}` : fixed.replace('-', '−');
}
