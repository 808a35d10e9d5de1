import type { Correction } from '@hitl/shared/models';
import { useCallback, useEffect } from 'react';
import type { AgentSocket } from '../api/agent-socket';
import { listCorrections } from '../api/corrections';
import { type CorrectionFilters, filterParams, matchesFilters } from '../lib/correction-query';
import { useRemote } from './use-remote';

const noCorrections: Correction[] = [];

/** Corrections matching the filters; new matching ones arrive live through correction:created. */
export function useCorrections(socket: AgentSocket | null, filters: CorrectionFilters) {
  // The filters' query string: a new object with the same values does not refetch.
  const query = filterParams(filters).toString();
  const {
    data: corrections,
    setData: setCorrections,
    loading,
    error,
    reload,
  } = useRemote(() => listCorrections(filters), query, noCorrections);

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

  const replace = useCallback(
    (correction: Correction) => {
      setCorrections((current) => current.map((item) => (item.id === correction.id ? correction : item)));
    },
    [setCorrections],
  );

  return { corrections, loading, error, replace, reload };
}
