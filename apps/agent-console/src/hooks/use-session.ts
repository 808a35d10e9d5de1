import type { Agent } from '@hitl/shared/models';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/api-error';
import { fetchCurrentAgent, login, logout } from '../api/auth';

export type Session =
  | { status: 'loading' }
  | { status: 'signed-out'; notice: string | null }
  | { status: 'signed-in'; agent: Agent };

/** The agent's session: restored from the cookie on load, replaced by sign-in, cleared by sign-out or expiry. */
export function useSession() {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    fetchCurrentAgent()
      .then((agent) => {
        if (cancelled) return;
        setSession(agent ? { status: 'signed-in', agent } : { status: 'signed-out', notice: null });
      })
      .catch((error: unknown) => {
        if (!cancelled) setSession({ status: 'signed-out', notice: errorMessage(error) });
      });
    return () => {
      cancelled = true;
    };
  }, []);

  /** Throws on failure so the form can show the server's message. */
  const signIn = useCallback(async (email: string, password: string) => {
    const agent = await login({ email, password });
    setSession({ status: 'signed-in', agent });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch {
      // Leaving the console must always work; an unreachable server keeps the cookie until it expires.
    }
    setSession({ status: 'signed-out', notice: null });
  }, []);

  const expire = useCallback(() => {
    setSession({ status: 'signed-out', notice: 'Your session has ended. Please sign in again.' });
  }, []);

  return { session, signIn, signOut, expire };
}
