import type { ApiError } from '@hitl/shared/errors';
import type { Logger } from '../lib/logger';
import { DomainError } from './domain-error';
import { RateLimitedError } from './rate-limits';

/**
 * Turns any thrown value into a client-safe error, for both transports (acks and REST): domain errors keep
 * their code, the rest says nothing internal.
 */
export function toApiError(err: unknown, logger: Logger): ApiError {
  if (err instanceof RateLimitedError)
    return { code: err.code, message: err.message, retryAfterMs: Math.ceil(err.retryAfterMs) };
  if (err instanceof DomainError)
    return { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) };
  logger.error({ err }, 'unexpected error in handler');
  return { code: 'internal', message: 'Something went wrong. Please try again.' };
}
