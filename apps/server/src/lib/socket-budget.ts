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

/**
 * One budget per socket, made at the socket's first counted event: an idle connection holds none.
 * Keyed weakly, so a budget goes with its socket.
 */
export function createSocketBudgets(
  clock: Clock,
  limit: number,
  windowMs: number,
): { of(socket: object): SocketBudget } {
  const budgets = new WeakMap<object, SocketBudget>();
  return {
    of(socket) {
      let budget = budgets.get(socket);
      if (budget === undefined) {
        budget = createSocketBudget(clock, limit, windowMs);
        budgets.set(socket, budget);
      }
      return budget;
    },
  };
}
