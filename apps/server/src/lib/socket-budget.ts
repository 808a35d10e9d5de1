import type { Clock } from './clock';

/**
 * At most `limit` events per `windowMs` on one socket (a fixed window). For events that are only relayed
 * or overwrite one record (typing, the current page), where a count shared across nodes would buy nothing:
 * a flood is refused on the socket that sends it, before any store read or broadcast.
 */
export interface SocketBudget {
  /** Counts one event; returns 0 when allowed, else how many ms until the window ends. */
  take(): number;
}

export function createSocketBudget(clock: Clock, limit: number, windowMs: number): SocketBudget {
  let windowStart = Number.NEGATIVE_INFINITY;
  let used = 0;
  return {
    take() {
      const now = clock.now().getTime();
      if (now - windowStart >= windowMs) {
        windowStart = now;
        used = 0;
      }
      if (used >= limit) return windowStart + windowMs - now;
      used += 1;
      return 0;
    },
  };
}
