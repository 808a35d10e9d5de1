import { useEffect, useEffectEvent, useState } from 'react';
import { type AgentSocket, createAgentSocket } from '../api/agent-socket';
import { fetchCurrentAgent } from '../api/auth';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

const RETRY_AFTER_REFUSAL_MS = 5_000;

/** One authenticated socket for the signed-in agent, with its connection status and presence count. */
export function useAgentSocket(onUnauthorized: () => void) {
  const [socket, setSocket] = useState<AgentSocket | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [agentsOnline, setAgentsOnline] = useState<number | null>(null);
  const handleUnauthorized = useEffectEvent(onUnauthorized);

  useEffect(() => {
    const next = createAgentSocket();
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    setSocket(next);

    next.on('connect', () => setStatus('connected'));
    next.on('presence:updated', (presence) => setAgentsOnline(presence.agentsOnline));
    next.on('connect_error', (error) => {
      if (isUnauthorized(error)) {
        handleUnauthorized();
        return;
      }
      if (next.active) {
        setStatus('reconnecting');
        return;
      }
      // The server refused the handshake for another reason; socket.io will not retry on its own.
      setStatus('offline');
      retryTimer = setTimeout(() => next.connect(), RETRY_AFTER_REFUSAL_MS);
    });
    next.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      setStatus('reconnecting');
      if (reason !== 'io server disconnect') return;
      // The server dropped us on purpose: find out whether the session is still valid before reconnecting.
      fetchCurrentAgent()
        .then((agent) => (agent ? next.connect() : handleUnauthorized()))
        .catch(() => next.connect());
    });

    return () => {
      clearTimeout(retryTimer);
      next.removeAllListeners();
      next.disconnect();
    };
  }, []);

  return { socket, status, agentsOnline };
}

function isUnauthorized(error: Error): boolean {
  if (error.message === 'unauthorized') return true;
  const data: unknown = (error as Error & { data?: unknown }).data;
  return typeof data === 'object' && data !== null && 'code' in data && data.code === 'unauthorized';
}
