import { useEffect } from 'react';

const BASE_TITLE = 'Agent console';

/** Puts the number of queued conversations in the tab title so agents notice from other tabs. */
export function useQueuedTitle(queued: number): void {
  useEffect(() => {
    document.title = queued > 0 ? `(${queued}) ${BASE_TITLE}` : BASE_TITLE;
    return () => {
      document.title = BASE_TITLE;
    };
  }, [queued]);
}
