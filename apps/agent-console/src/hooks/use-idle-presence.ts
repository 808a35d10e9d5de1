import { useEffect } from 'react';
import { type AgentSocket, request } from '../api/agent-socket';
import { fetchTeam } from '../api/team-presence';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'focus'] as const;
/** Used until the server has said how long (AGENT_AWAY_AFTER_MS). */
const DEFAULT_AWAY_AFTER_MS = 300_000;

/**
 * Reports this console away after the server's idle time without activity, and online again at the next
 * activity, so automatic assignment only picks agents who are at their desk. A reconnect starts online on
 * the server, so an idle console says away again.
 */
export function useIdlePresence(socket: AgentSocket | null): void {
  useEffect(() => {
    if (!socket) return;
    let awayAfterMs = DEFAULT_AWAY_AFTER_MS;
    let away = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;

    const report = (status: 'online' | 'away') => {
      away = status === 'away';
      request(socket, 'presence:set', { status }).catch(() => undefined);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => report('away'), awayAfterMs);
    };
    const onActivity = () => {
      if (away) report('online');
      arm();
    };
    const onConnect = () => {
      if (away) report('away');
    };

    fetchTeam()
      .then((team) => {
        if (cancelled) return;
        awayAfterMs = team.assignment.awayAfterMs;
        arm();
      })
      .catch(() => undefined);
    arm();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true });
    socket.on('connect', onConnect);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
      socket.off('connect', onConnect);
    };
  }, [socket]);
}
