import type { CorrectionStatsResponse } from '@hitl/shared/rest';
import { useEffect, useState } from 'react';
import type { AgentSocket } from '../api/agent-socket';
import { fetchCorrectionStats } from '../api/corrections';
import {
  type CorrectionFilters,
  type FilterOptions,
  filterParams,
  mergeOptions,
  noOptions,
} from '../lib/correction-query';
import { useRemote } from './use-remote';

/**
 * Agreement counts for the corrections matching the filters (every review status), refreshed when
 * a correction arrives or `reload` is called; `options` collects the authors and topics seen.
 */
export function useCorrectionStats(socket: AgentSocket | null, filters: CorrectionFilters) {
  const [options, setOptions] = useState<FilterOptions>(noOptions);
  const query = filterParams(filters, 'any').toString();
  const {
    data: stats,
    error,
    reload,
  } = useRemote<CorrectionStatsResponse | null>(() => fetchCorrectionStats(filters), query, null);

  useEffect(() => {
    if (stats) setOptions((current) => mergeOptions(current, stats));
  }, [stats]);

  useEffect(() => {
    if (!socket) return;
    socket.on('correction:created', reload);
    return () => {
      socket.off('correction:created', reload);
    };
  }, [socket, reload]);

  return { stats, options, error, reload };
}
