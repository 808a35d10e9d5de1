import type { Ack } from '@hitl/shared/errors';
import type { z } from 'zod';
import { describeZodError } from '../lib/describe-zod-error';
import type { Logger } from '../lib/logger';
import { toApiError } from '../services/to-api-error';
import type { SocketEventHandler } from './event-table';

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
  const handle = socketAckHandler(schema, logger, (_socket: undefined, input) => run(input));
  return (...args: unknown[]): Promise<void> => handle(undefined, args);
}

/** `ackHandler` for an event table (`event-table.ts`): the service also gets the socket the event came on. */
export function socketAckHandler<S extends z.ZodType, T, K>(
  schema: S,
  logger: Logger,
  run: (socket: K, input: z.infer<S>) => Promise<T>,
): SocketEventHandler<K> {
  return async (socket, args) => {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (result: Ack<T>) => void) : () => {};
    const parsed = schema.safeParse(typeof args[0] === 'function' ? undefined : args[0]);
    if (!parsed.success) {
      ack({ ok: false, error: { code: 'invalid_payload', message: describeZodError(parsed.error) } });
      return;
    }
    try {
      ack({ ok: true, data: await run(socket, parsed.data) });
    } catch (err) {
      ack({ ok: false, error: toApiError(err, logger) });
    }
  };
}
