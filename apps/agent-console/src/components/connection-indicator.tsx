import type { ConnectionStatus } from '../hooks/use-agent-socket';

const labels: Record<ConnectionStatus, string> = {
  connecting: 'Connecting',
  connected: 'Live',
  reconnecting: 'Reconnecting',
  offline: 'Offline',
};

export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  return (
    <span className={`connection connection-${status}`} data-testid="connection" data-status={status}>
      <span className="connection-dot" aria-hidden="true" />
      {labels[status]}
    </span>
  );
}
