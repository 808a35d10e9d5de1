import type { PrioritizedReviewItem, ReviewItem, ReviewOrder } from '@hitl/shared/review-items';
import { useCallback, useEffect, useState } from 'react';
import type { AgentSocket } from '../api/agent-socket';
import { errorMessage } from '../api/api-error';
import { listReviewItems, type ReviewStatusFilter } from '../api/review-items';

/** A row of the list: a live item is shown at once and scored at the next load. */
export type ReviewRow = ReviewItem & { priority?: PrioritizedReviewItem['priority'] };

/**
 * The review-later list in the chosen order and status: loaded on every (re)connect and when the order or
 * status changes, then kept live by review:created (new items on top) and review:updated (marks by anyone).
 */
export function useReviewItems(socket: AgentSocket | null, status: ReviewStatusFilter, order: ReviewOrder) {
  const [items, setItems] = useState<ReviewRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey is the explicit refresh trigger
  useEffect(() => {
    if (!socket) return;
    let active = true;
    const load = () => {
      setLoading(true);
      listReviewItems(status, order)
        .then((list) => {
          if (!active) return;
          setItems(list);
          setError(null);
        })
        .catch((failure: unknown) => {
          if (active) setError(errorMessage(failure));
        })
        .finally(() => {
          if (active) setLoading(false);
        });
    };
    const onCreated = (item: ReviewItem) => {
      if (status !== 'any' && status !== item.status) return;
      setItems((current) => (current.some((row) => row.id === item.id) ? current : [item, ...current]));
    };
    const onUpdated = (item: ReviewItem) => {
      setItems((current) => current.map((row) => (row.id === item.id ? { ...row, ...item } : row)));
    };
    socket.on('connect', load);
    socket.on('review:created', onCreated);
    socket.on('review:updated', onUpdated);
    if (socket.connected) load();
    return () => {
      active = false;
      socket.off('connect', load);
      socket.off('review:created', onCreated);
      socket.off('review:updated', onUpdated);
    };
  }, [socket, status, order, reloadKey]);

  const replace = useCallback((item: ReviewItem) => {
    setItems((current) => current.map((row) => (row.id === item.id ? { ...row, ...item } : row)));
  }, []);
  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  return { items, loading, error, replace, reload };
}
