import type { AgentSocket } from '../api/agent-socket';
import { conversationHref } from '../hooks/use-hash-route';
import { useVisitorConversations } from '../hooks/use-visitor-conversations';
import { formatDateTime } from '../lib/format';
import { StatePill } from './state-pill';

/** The same visitor's other conversations, each one click away. */
export function EarlierConversations({
  socket,
  conversationId,
}: {
  socket: AgentSocket;
  conversationId: string;
}) {
  const { conversations, next, loading, error, loadMore } = useVisitorConversations(socket, conversationId);
  return (
    <section data-testid="earlier-conversations">
      <h3>Other conversations</h3>
      {error && <p className="banner banner-error">{error}</p>}
      {conversations.length === 0 && !loading && !error && <p className="muted">None with this visitor.</p>}
      <ul className="earlier-list">
        {conversations.map((conversation) => (
          <li key={conversation.id}>
            <a
              href={conversationHref(conversation.id)}
              data-testid="earlier-conversation"
              data-conversation-id={conversation.id}
            >
              <span className="earlier-top">
                <StatePill state={conversation.state} />
                <span className="muted">{formatDateTime(conversation.updatedAt)}</span>
              </span>
              <span className="earlier-text">
                {conversation.lastCustomerText ?? conversation.lastMessage ?? 'No messages'}
              </span>
            </a>
          </li>
        ))}
      </ul>
      {next && (
        <button type="button" className="btn btn-small" disabled={loading} onClick={loadMore}>
          Show more
        </button>
      )}
    </section>
  );
}
