import type { Ack, ApiError } from '@hitl/shared/errors';
import type { z } from 'zod';
import type { Logger } from '../lib/logger';
import { DomainError } from '../services/domain-error';
import { RateLimitedError } from '../services/rate-limits';

/** Turns any thrown value into a client-safe error: domain errors keep their code, the rest says nothing internal. */
export function toApiError(err: unknown, logger: Logger): ApiError {
  if (err instanceof RateLimitedError)
    return { code: err.code, message: err.message, retryAfterMs: Math.ceil(err.retryAfterMs) };
  if (err instanceof DomainError) return { code: err.code, message: err.message };
  logger.error({ err }, 'unexpected error in handler');
  return { code: 'internal', message: 'Something went wrong. Please try again.' };
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
    .join('; ');
}

/**
 * The only shape of a socket handler: validate the payload with its shared schema, run the
 * service, ack the result. A client that sent no ack callback gets nothing back, and the
 * connection stays up whatever it sent.
 */
export function ackHandler<S extends z.ZodType, T>(
  schema: S,
  logger: Logger,
  run: (input: z.infer<S>) => Promise<T>,
) {
  return async (...args: unknown[]): Promise<void> => {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (result: Ack<T>) => void) : () => {};
    const parsed = schema.safeParse(typeof args[0] === 'function' ? undefined : args[0]);
    if (!parsed.success) {
      ack({ ok: false, error: { code: 'invalid_payload', message: describeZodError(parsed.error) } });
      return;
    }
    try {
      ack({ ok: true, data: await run(parsed.data) });
    } catch (err) {
      ack({ ok: false, error: toApiError(err, logger) });
    }
  };
}
