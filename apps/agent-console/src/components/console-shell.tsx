import type { Agent } from '@hitl/shared/models';
import { useMemo } from 'react';
import { useAgentSocket } from '../hooks/use-agent-socket';
import { useConversations } from '../hooks/use-conversations';
import { useQueuedTitle } from '../hooks/use-document-title';
import { conversationHref, useHashRoute } from '../hooks/use-hash-route';
import { countViews } from '../lib/queue-views';
import { CorrectionsPage } from './corrections-page';
import { Inbox } from './inbox';
import { TopBar } from './top-bar';

type Props = {
  agent: Agent;
  onSignOut: () => Promise<void>;
  onExpired: () => void;
};

export function ConsoleShell({ agent, onSignOut, onExpired }: Props) {
  const { socket, status, agentsOnline } = useAgentSocket(onExpired);
  const { conversations, upsert, loaded, error, flashing } = useConversations(socket);
  const { route, navigate } = useHashRoute();
  const counts = useMemo(() => countViews(conversations.values(), agent), [conversations, agent]);
  useQueuedTitle(counts.queued);

  return (
    <div className="shell">
      <TopBar
        agent={agent}
        page={route.page}
        status={status}
        agentsOnline={agentsOnline}
        queued={counts.queued}
        onSignOut={onSignOut}
      />
      {!socket ? (
        <div className="splash">Connecting…</div>
      ) : route.page === 'corrections' ? (
        <CorrectionsPage socket={socket} />
      ) : (
        <Inbox
          socket={socket}
          agent={agent}
          conversations={conversations}
          counts={counts}
          loaded={loaded}
          error={error}
          flashing={flashing}
          selectedId={route.conversationId}
          onSelect={(id) => navigate(conversationHref(id))}
          onConversation={upsert}
        />
      )}
    </div>
  );
}
