import type { Agent } from '@hitl/shared/models';
import { type ComponentProps, useState } from 'react';
import { MonitorPanel } from './monitor-panel';
import { QueuePanel } from './queue-panel';
import { SearchPanel } from './search-panel';

type Mode = 'queue' | 'monitor' | 'search';

const modes: readonly { id: Mode; label: string }[] = [
  { id: 'queue', label: 'Queue' },
  { id: 'monitor', label: 'Monitor' },
  { id: 'search', label: 'Search' },
];

type Props = ComponentProps<typeof QueuePanel> & { agent: Agent };

/** The inbox's left column: the queue and its views, the live monitor of open conversations, or the search. */
export function InboxSidebar(props: Props) {
  const [mode, setMode] = useState<Mode>('queue');
  const { agent, conversations, selectedId, onSelect } = props;
  return (
    <aside className="queue-panel">
      <div className="sidebar-modes" role="tablist" aria-label="Inbox">
        {modes.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={mode === id}
            data-testid={`inbox-mode-${id}`}
            className={mode === id ? 'sidebar-mode active' : 'sidebar-mode'}
            onClick={() => setMode(id)}
          >
            {label}
          </button>
        ))}
      </div>
      {mode === 'queue' && <QueuePanel {...props} />}
      {mode === 'monitor' && (
        <MonitorPanel conversations={conversations} selectedId={selectedId} onSelect={onSelect} />
      )}
      {mode === 'search' && (
        <SearchPanel conversations={conversations} me={agent} selectedId={selectedId} onSelect={onSelect} />
      )}
    </aside>
  );
}
