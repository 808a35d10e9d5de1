import { APIConnectionError, APIError } from 'openai';

export type ModelFailure =
  | 'timeout'
  | 'circuit_open'
  | 'rate_limited'
  | 'server_error'
  | 'connection'
  | 'refused';

/** The model could not answer; the bot's turn escalates with `model_unavailable`. */
export class ModelUnavailableError extends Error {
  override name = 'ModelUnavailableError';
  constructor(
    readonly failure: ModelFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** One attempt ran past its share of the time budget (the request was aborted). */
export class AttemptTimeoutError extends Error {
  override name = 'AttemptTimeoutError';
}

/** A streamed completion ended without saying it was finished (the connection was cut). */
export class IncompleteStreamError extends Error {
  override name = 'IncompleteStreamError';
}

export interface ErrorClass {
  failure: ModelFailure;
  retryable: boolean;
  /** The delay the server asked for (`retry-after-ms` / `retry-after`), in ms. */
  retryAfterMs?: number;
}

/** Timeouts, dropped connections, 429 and 5xx are worth another try; other answers (400, 401 …) are not. */
export function classifyModelError(error: unknown, nowMs: number = Date.now()): ErrorClass {
  if (error instanceof AttemptTimeoutError) return { failure: 'timeout', retryable: true };
  if (error instanceof IncompleteStreamError) return { failure: 'connection', retryable: true };
  if (error instanceof ModelUnavailableError) return { failure: error.failure, retryable: false };
  // Connection errors (timeouts included) come before APIError: they extend it without a status.
  if (error instanceof APIConnectionError) return { failure: 'connection', retryable: true };
  if (error instanceof APIError && typeof error.status === 'number') {
    const retryAfterMs = parseRetryAfter(error.headers, nowMs);
    const extra = retryAfterMs === undefined ? {} : { retryAfterMs };
    if (error.status === 429) return { failure: 'rate_limited', retryable: true, ...extra };
    if (error.status === 408 || error.status >= 500)
      return { failure: 'server_error', retryable: true, ...extra };
    return { failure: 'refused', retryable: false };
  }
  return { failure: 'connection', retryable: false };
}

/** `retry-after-ms` (ms), or `retry-after` as seconds or an HTTP date. */
export function parseRetryAfter(headers: Headers | undefined, nowMs: number): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers?.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
