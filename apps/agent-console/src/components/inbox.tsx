import type { Agent, Conversation, Message } from '@hitl/shared/models';
import type { AgentSocket } from '../api/agent-socket';
import type { ConversationMap } from '../hooks/use-conversations';
import type { ReviewIndex } from '../lib/pending-drafts';
import type { QueueView } from '../lib/queue-views';
import { ConversationPane } from './conversation-pane';
import { InboxSidebar } from './inbox-sidebar';

type Props = {
  socket: AgentSocket;
  agent: Agent;
  conversations: ConversationMap;
  review: ReviewIndex;
  counts: Record<QueueView, number>;
  loaded: boolean;
  error: string | null;
  flashing: ReadonlySet<string>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onConversation: (conversation: Conversation) => void;
  onDraftReviewed: (draft: Message) => void;
};

export function Inbox({
  socket,
  agent,
  conversations,
  selectedId,
  onConversation,
  onDraftReviewed,
  ...queue
}: Props) {
  return (
    <div className="inbox">
      <InboxSidebar agent={agent} conversations={conversations} selectedId={selectedId} {...queue} />
      {selectedId ? (
        <ConversationPane
          key={selectedId}
          socket={socket}
          agent={agent}
          conversationId={selectedId}
          conversation={conversations.get(selectedId) ?? null}
          onConversation={onConversation}
          onDraftReviewed={onDraftReviewed}
        />
      ) : (
        <main className="conversation conversation-empty">
          <p>Select a conversation from the queue.</p>
          <p className="muted">
            Queued conversations wait for an agent; any conversation can be watched live.
          </p>
        </main>
      )}
    </div>
  );
}
