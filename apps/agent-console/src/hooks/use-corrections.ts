import type { Correction } from '@hitl/shared/models';
import { useCallback, useEffect, useState } from 'react';
import type { AgentSocket } from '../api/agent-socket';
import { errorMessage } from '../api/api-error';
import { listCorrections } from '../api/corrections';
import { type CorrectionFilters, filterParams, matchesFilters } from '../lib/correction-query';

/** Corrections matching the filters; new matching ones arrive live through correction:created. */
export function useCorrections(socket: AgentSocket | null, filters: CorrectionFilters) {
  const [corrections, setCorrections] = useState<Correction[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  // The filters' query string: a new object with the same values does not refetch.
  const query = filterParams(filters).toString();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `query` stands for the filters; reloadKey is the explicit refresh trigger
  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    listCorrections(filters)
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
  }, [query, reloadKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `query` stands for the filters
  useEffect(() => {
    if (!socket) return;
    const onCreated = (correction: Correction) => {
      if (!matchesFilters(correction, filters)) return;
      setCorrections((current) =>
        current.some((item) => item.id === correction.id) ? current : [correction, ...current],
      );
    };
    socket.on('correction:created', onCreated);
    return () => {
      socket.off('correction:created', onCreated);
    };
  }, [socket, query]);

  const replace = useCallback((correction: Correction) => {
    setCorrections((current) => current.map((item) => (item.id === correction.id ? correction : item)));
  }, []);

  const reload = useCallback(() => setReloadKey((key) => key + 1), []);

  return { corrections, loading, error, replace, reload };
}
