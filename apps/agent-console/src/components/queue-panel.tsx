import type { Agent } from '@hitl/shared/models';
import { useMemo, useState } from 'react';
import type { ConversationMap } from '../hooks/use-conversations';
import { useNow } from '../hooks/use-now';
import type { ReviewIndex } from '../lib/pending-drafts';
import { type QueueView, queueViews, selectView } from '../lib/queue-views';
import { QueueItem } from './queue-item';

type Props = {
  agent: Agent;
  conversations: ConversationMap;
  review: ReviewIndex;
  counts: Record<QueueView, number>;
  loaded: boolean;
  error: string | null;
  flashing: ReadonlySet<string>;
  selectedId: string | null;
  onSelect: (id: string) => void;
};

const emptyText: Record<QueueView, string> = {
  queued: 'Nobody is waiting. New escalations appear here at once.',
  review: 'No drafts waiting for review. Held bot replies appear here at once.',
  mine: 'You have no conversations assigned.',
  bot: 'No live conversations with the bot.',
  open: 'No open conversations.',
};

/** Views whose count means someone is waiting. */
const hot: ReadonlySet<QueueView> = new Set(['queued', 'review']);

export function QueuePanel({
  agent,
  conversations,
  review,
  counts,
  loaded,
  error,
  flashing,
  selectedId,
  onSelect,
}: Props) {
  const [view, setView] = useState<QueueView>('queued');
  const now = useNow();
  const items = useMemo(
    () => selectView(view, conversations.values(), { me: agent, review }),
    [view, conversations, agent, review],
  );

  return (
    <section className="sidebar-section" aria-label="Queue">
      <div className="queue-tabs" role="tablist" aria-label="Conversation views">
        {queueViews.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={view === id}
            data-testid={`queue-tab-${id}`}
            className={view === id ? 'queue-tab active' : 'queue-tab'}
            onClick={() => setView(id)}
          >
            {label}
            <span className={hot.has(id) && counts[id] > 0 ? 'tab-count hot' : 'tab-count'}>
              {counts[id]}
            </span>
          </button>
        ))}
      </div>
      {error && <p className="banner banner-error">{error}</p>}
      <ul className="queue-list" data-testid="queue" data-view={view}>
        {items.map((conversation) => (
          <QueueItem
            key={conversation.id}
            conversation={conversation}
            now={now}
            selected={conversation.id === selectedId}
            flashing={flashing.has(conversation.id)}
            drafts={review.get(conversation.id) ?? null}
            reviewing={view === 'review'}
            onSelect={onSelect}
          />
        ))}
      </ul>
      {items.length === 0 && (
        <p className="queue-empty">{loaded ? emptyText[view] : 'Loading conversations…'}</p>
      )}
    </section>
  );
}
