import type { ReviewItem } from '@hitl/shared/review-items';
import { useEffect, useState } from 'react';
import type { AgentSocket } from '../api/agent-socket';
import { listReviewItems } from '../api/review-items';

/**
 * How many answers wait in the review-later list (up to the 200 the list shows), for the nav: loaded on every
 * (re)connect, then kept by review:created and review:updated.
 */
export function useReviewLaterCount(socket: AgentSocket | null): number {
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());

  useEffect(() => {
    if (!socket) return;
    let active = true;
    const load = () => {
      listReviewItems('pending', 'newest')
        .then((items) => {
          if (active) setPending(new Set(items.map((item) => item.id)));
        })
        // The count is a hint; the page itself shows the error when the list cannot be read.
        .catch(() => undefined);
    };
    const onChange = (item: ReviewItem) => {
      setPending((current) => {
        const next = new Set(current);
        if (item.status === 'pending') next.add(item.id);
        else next.delete(item.id);
        return next;
      });
    };
    socket.on('connect', load);
    socket.on('review:created', onChange);
    socket.on('review:updated', onChange);
    if (socket.connected) load();
    return () => {
      active = false;
      socket.off('connect', load);
      socket.off('review:created', onChange);
      socket.off('review:updated', onChange);
    };
  }, [socket]);

  return pending.size;
}
