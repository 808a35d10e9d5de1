import type { Correction } from '@hitl/shared/models';
import type { CorrectionListResponse, ReviewOrder } from '@hitl/shared/review-items';
import { useCallback, useEffect } from 'react';
import type { AgentSocket } from '../api/agent-socket';
import { listCorrections } from '../api/corrections';
import { type CorrectionFilters, filterParams, matchesFilters } from '../lib/correction-query';
import { useRemote } from './use-remote';

const noCorrections: CorrectionListResponse = { corrections: [], priorities: {} };

/**
 * Corrections matching the filters, in the chosen order, with each one's review value; new matching ones
 * arrive live through correction:created (at the top, unscored until the next load); withdrawn ones leave.
 */
export function useCorrections(socket: AgentSocket | null, filters: CorrectionFilters, order: ReviewOrder) {
  // The filters' query string: a new object with the same values does not refetch.
  const query = `${filterParams(filters).toString()}&order=${order}`;
  const { data, setData, loading, error, reload } = useRemote(
    () => listCorrections(filters, order),
    query,
    noCorrections,
  );
  const setCorrections = useCallback(
    (update: (current: Correction[]) => Correction[]) =>
      setData((current) => ({ ...current, corrections: update(current.corrections) })),
    [setData],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `query` stands for the filters
  useEffect(() => {
    if (!socket) return;
    const onCreated = (correction: Correction) => {
      if (!matchesFilters(correction, filters)) return;
      setCorrections((current) =>
        current.some((item) => item.id === correction.id) ? current : [correction, ...current],
      );
    };
    const onWithdrawn = ({ id }: { id: string }) =>
      setCorrections((current) => current.filter((item) => item.id !== id));
    socket.on('correction:created', onCreated);
    socket.on('correction:withdrawn', onWithdrawn);
    return () => {
      socket.off('correction:created', onCreated);
      socket.off('correction:withdrawn', onWithdrawn);
    };
  }, [socket, query]);

  const replace = useCallback(
    (correction: Correction) => {
      setCorrections((current) => current.map((item) => (item.id === correction.id ? correction : item)));
    },
    [setCorrections],
  );

  return { corrections: data.corrections, priorities: data.priorities, loading, error, replace, reload };
}
