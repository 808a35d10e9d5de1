import type { Correction } from '@hitl/shared/models';
import { useCallback, useEffect, useState } from 'react';
import type { AgentSocket } from '../api/agent-socket';
import { errorMessage } from '../api/api-error';
import { type CorrectionStatusFilter, listCorrections } from '../api/corrections';

/** Corrections for one status filter; new ones arrive live through correction:created. */
export function useCorrections(socket: AgentSocket | null, status: CorrectionStatusFilter) {
  const [corrections, setCorrections] = useState<Correction[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey is the explicit refresh trigger
  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    listCorrections(status)
      .then((list) => {
        if (cancelled) return;
        setCorrections(list);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(errorMessage(failure));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [status, reloadKey]);

  useEffect(() => {
    if (!socket || (status !== 'pending' && status !== 'any')) return;
    const onCreated = (correction: Correction) => {
      setCorrections((current) =>
        current.some((item) => item.id === correction.id) ? current : [correction, ...current],
      );
    };
    socket.on('correction:created', onCreated);
    return () => {
      socket.off('correction:created', onCreated);
    };
  }, [socket, status]);

  const replace = useCallback((correction: Correction) => {
    setCorrections((current) => current.map((item) => (item.id === correction.id ? correction : item)));
  }, []);

  const reload = useCallback(() => setReloadKey((key) => key + 1), []);

  return { corrections, loading, error, replace, reload };
}
