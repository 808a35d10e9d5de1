import type { Agent } from '@hitl/shared/models';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useAgentSocket } from '../hooks/use-agent-socket';
import { useAttention } from '../hooks/use-attention';
import { useConversations } from '../hooks/use-conversations';
import { useConsoleTitle } from '../hooks/use-document-title';
import { conversationHref, inboxHref, useHashRoute } from '../hooks/use-hash-route';
import { useIdlePresence } from '../hooks/use-idle-presence';
import { usePendingDrafts } from '../hooks/use-pending-drafts';
import { useReviewLaterCount } from '../hooks/use-review-later-count';
import { useShortcuts, whenRendered } from '../hooks/use-shortcuts';
import { nextInQueue } from '../lib/keymap';
import { indexDrafts } from '../lib/pending-drafts';
import { countViews, selectView } from '../lib/queue-views';
import { CorrectionsPage } from './corrections-page';
import { Inbox } from './inbox';
import { KeyboardHelp } from './keyboard-help';
import { KnowledgePage } from './knowledge-page';
import { ReviewPage } from './review-page';
import { SettingsPage } from './settings-page';
import { TopBar } from './top-bar';

// Its own chunk, with the charting library: the inbox does not load it.
const AnalyticsPage = lazy(() => import('./analytics-page').then((m) => ({ default: m.AnalyticsPage })));

type Props = {
  agent: Agent;
  onSignOut: () => Promise<void>;
  onExpired: () => void;
};

export function ConsoleShell({ agent, onSignOut, onExpired }: Props) {
  const { socket, status, agentsOnline } = useAgentSocket(onExpired);
  useIdlePresence(socket);
  const { conversations, upsert, loaded, error, flashing } = useConversations(socket);
  const drafts = usePendingDrafts(socket);
  const { route, navigate } = useHashRoute();
  const reviewLater = useReviewLaterCount(socket);
  const review = useMemo(() => indexDrafts(drafts.drafts), [drafts.drafts]);
  const counts = useMemo(
    () => countViews(conversations.values(), { me: agent, review }),
    [conversations, agent, review],
  );
  const unseen = useAttention({
    socket,
    agentId: agent.id,
    conversations,
    page: route.page,
    conversationId: route.page === 'inbox' ? route.conversationId : null,
  });
  useConsoleTitle(unseen, counts.queued);
  const [helpOpen, setHelpOpen] = useState(false);
  const openId = route.page === 'inbox' ? route.conversationId : null;
  useShortcuts({
    onHelp: () => setHelpOpen(true),
    onNextInQueue: () => {
      const queue = selectView('queued', conversations.values(), { me: agent, review });
      const next = nextInQueue(queue, openId);
      if (next) navigate(conversationHref(next));
    },
    onSearch: () => {
      if (route.page !== 'inbox') navigate(inboxHref);
      whenRendered<HTMLButtonElement>('[data-testid="inbox-mode-search"]', (tab) => {
        tab.click();
        whenRendered<HTMLInputElement>('[data-testid="search-input"]', (input) => input.focus());
      });
    },
  });

  return (
    <div className="shell">
      <TopBar
        agent={agent}
        page={route.page}
        status={status}
        agentsOnline={agentsOnline}
        queued={counts.queued}
        reviewLater={reviewLater}
        onSignOut={onSignOut}
      />
      {!socket ? (
        <div className="splash">Connecting…</div>
      ) : route.page === 'corrections' ? (
        <CorrectionsPage socket={socket} agent={agent} />
      ) : route.page === 'review' ? (
        <ReviewPage socket={socket} />
      ) : route.page === 'analytics' ? (
        <Suspense fallback={<div className="splash">Loading analytics…</div>}>
          <AnalyticsPage />
        </Suspense>
      ) : route.page === 'settings' ? (
        <SettingsPage agent={agent} />
      ) : route.page === 'knowledge' ? (
        <KnowledgePage agent={agent} view={route.view} onNavigate={navigate} />
      ) : (
        <Inbox
          socket={socket}
          agent={agent}
          conversations={conversations}
          review={review}
          counts={counts}
          loaded={loaded}
          error={error ?? drafts.error}
          flashing={flashing}
          selectedId={route.conversationId}
          onSelect={(id) => navigate(conversationHref(id))}
          onConversation={upsert}
          onDraftReviewed={drafts.apply}
        />
      )}
      {helpOpen && <KeyboardHelp onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
