export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through. */
  coolDownMs: number;
  now?: () => number;
}

export interface CircuitBreaker {
  readonly state: CircuitState;
  /** Whether a call may start now; in half-open only one trial call at a time is allowed. */
  tryAcquire(): boolean;
  recordSuccess(): void;
  recordFailure(): void;
}

/**
 * Stops calling a failing model for a while, so customers are handed to a person at once instead of each
 * waiting for a timeout: closed → (N failures in a row) → open → (cool-down) → half-open → one trial call
 * → closed on success, open again on failure.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const now = options.now ?? Date.now;
  let failures = 0;
  let openedAt: number | null = null;
  let trialRunning = false;

  function currentState(): CircuitState {
    if (openedAt === null) return 'closed';
    return now() - openedAt >= options.coolDownMs ? 'half-open' : 'open';
  }

  return {
    get state() {
      return currentState();
    },
    tryAcquire() {
      const state = currentState();
      if (state === 'closed') return true;
      if (state === 'open' || trialRunning) return false;
      trialRunning = true;
      return true;
    },
    recordSuccess() {
      failures = 0;
      openedAt = null;
      trialRunning = false;
    },
    recordFailure() {
      failures += 1;
      const trialFailed = trialRunning;
      trialRunning = false;
      if (trialFailed || failures >= options.failureThreshold) openedAt = now();
    },
  };
}
