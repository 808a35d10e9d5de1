import type { ErrorClass } from './model-errors';

export interface RetryOptions {
  /** Attempts after the first. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No attempt starts after this instant (per `now`), and none is given time beyond it. */
  deadline: number;
  /** Below this much time left an attempt is not worth starting. */
  minAttemptMs?: number;
  classify(error: unknown): ErrorClass;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told about each failed attempt that will be retried (for logs). */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** One attempt: its number (0 first) and the time it may take. */
export type Attempt<T> = (attempt: number, timeLeftMs: number) => Promise<T>;

/**
 * Runs `attempt` until it succeeds, an error is not retryable, the retries are used up, or the time budget
 * would be overrun by waiting. Waits grow exponentially with jitter; a server's retry-after is honoured when
 * it fits the budget (and ends the retries when it does not).
 */
export async function retryWithBackoff<T>(attempt: Attempt<T>, options: RetryOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const minAttemptMs = options.minAttemptMs ?? 200;
  for (let n = 0; ; n++) {
    try {
      return await attempt(n, options.deadline - now());
    } catch (error) {
      const verdict = options.classify(error);
      if (!verdict.retryable || n >= options.maxRetries) throw error;
      const backoff = backoffDelay(n, options.baseDelayMs, options.maxDelayMs, options.random);
      const delay = Math.max(backoff, verdict.retryAfterMs ?? 0);
      if (options.deadline - now() - delay < minAttemptMs) throw error;
      options.onRetry?.(error, n, delay);
      await sleep(delay);
    }
  }
}

/**
 * Exponential backoff with "equal jitter": half of `base·2^attempt` (capped at `max`) is fixed, half random,
 * so retries of many clients spread out yet never fire at once.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
