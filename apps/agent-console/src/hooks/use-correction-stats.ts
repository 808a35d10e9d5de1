import type { CorrectionStatsResponse } from '@hitl/shared/rest';
import { useCallback, useEffect, useState } from 'react';
import type { AgentSocket } from '../api/agent-socket';
import { errorMessage } from '../api/api-error';
import { fetchCorrectionStats } from '../api/corrections';
import {
  type CorrectionFilters,
  type FilterOptions,
  filterParams,
  mergeOptions,
  noOptions,
} from '../lib/correction-query';

/**
 * Agreement counts for the corrections matching the filters (every review status), refreshed when
 * a correction arrives or `reload` is called; `options` collects the authors and topics seen.
 */
export function useCorrectionStats(socket: AgentSocket | null, filters: CorrectionFilters) {
  const [stats, setStats] = useState<CorrectionStatsResponse | null>(null);
  const [options, setOptions] = useState<FilterOptions>(noOptions);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const query = filterParams(filters, 'any').toString();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `query` stands for the filters; reloadKey is the explicit refresh trigger
  useEffect(() => {
    let cancelled = false;
    fetchCorrectionStats(filters)
      .then((next) => {
        if (cancelled) return;
        setStats(next);
        setOptions((current) => mergeOptions(current, next));
        setError(null);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(errorMessage(failure));
      });
    return () => {
      cancelled = true;
    };
  }, [query, reloadKey]);

  const reload = useCallback(() => setReloadKey((key) => key + 1), []);

  useEffect(() => {
    if (!socket) return;
    socket.on('correction:created', reload);
    return () => {
      socket.off('correction:created', reload);
    };
  }, [socket, reload]);

  return { stats, options, error, reload };
}
