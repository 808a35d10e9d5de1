import type { ConversationHit } from '@hitl/shared/conversation-search';
import { topReason } from '@hitl/shared/queue-priority';
import { formatDateTime } from '../lib/format';
import { ReasonChip } from './reason-chip';
import { StatePill } from './state-pill';

type Props = { hit: ConversationHit; selected: boolean; onSelect: (id: string) => void };

export function SearchResult({ hit, selected, onSelect }: Props) {
  const { conversation, match } = hit;
  const top = topReason(conversation.reasons);
  return (
    <li>
      <button
        type="button"
        className={selected ? 'queue-item selected' : 'queue-item'}
        data-testid="search-result"
        data-conversation-id={conversation.id}
        data-state={conversation.state}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(conversation.id)}
      >
        <span className="queue-item-top">
          <span className="queue-item-visitor" title={conversation.visitorId}>
            Visitor {conversation.visitorId}
          </span>
          <StatePill state={conversation.state} />
          <span className="queue-item-time">{formatDateTime(conversation.updatedAt)}</span>
        </span>
        {top && (
          <span className="chips">
            <ReasonChip reason={top} />
          </span>
        )}
        <span className="search-snippet" data-testid="search-snippet">
          {match ? (
            <>
              <span className="search-role">{match.role}:</span> {match.snippet}
            </>
          ) : (
            (conversation.lastMessage ?? 'No messages yet')
          )}
        </span>
        <span className="queue-item-assignee">
          {conversation.siteKey}
          {conversation.assignee ? ` · ${conversation.assignee.name}` : ''}
        </span>
      </button>
    </li>
  );
}
