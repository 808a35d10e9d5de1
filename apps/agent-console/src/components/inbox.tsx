import type { Agent, Conversation } from '@hitl/shared/models';
import type { AgentSocket } from '../api/agent-socket';
import type { ConversationMap } from '../hooks/use-conversations';
import type { QueueView } from '../lib/queue-views';
import { ConversationPane } from './conversation-pane';
import { QueuePanel } from './queue-panel';

type Props = {
  socket: AgentSocket;
  agent: Agent;
  conversations: ConversationMap;
  counts: Record<QueueView, number>;
  loaded: boolean;
  error: string | null;
  flashing: ReadonlySet<string>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onConversation: (conversation: Conversation) => void;
};

export function Inbox({ socket, agent, conversations, selectedId, onConversation, ...queue }: Props) {
  return (
    <div className="inbox">
      <QueuePanel agent={agent} conversations={conversations} selectedId={selectedId} {...queue} />
      {selectedId ? (
        <ConversationPane
          key={selectedId}
          socket={socket}
          agent={agent}
          conversationId={selectedId}
          conversation={conversations.get(selectedId) ?? null}
          onConversation={onConversation}
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
