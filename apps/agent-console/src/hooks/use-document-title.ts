import { useEffect } from 'react';
import { consoleTitle } from '../lib/attention';

/** Puts what the agent has not seen yet, and the queue's length, in the tab title for other tabs to show. */
export function useConsoleTitle(unseen: number, queued: number): void {
  useEffect(() => {
    document.title = consoleTitle(unseen, queued);
    return () => {
      document.title = consoleTitle(0, 0);
    };
  }, [unseen, queued]);
}
