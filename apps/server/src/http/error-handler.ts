import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../lib/logger';
import { sendError } from './rest-handler';

const RESERVED_KEY_MESSAGE = 'The request body uses the reserved key "__proto__".';

/**
 * A JSON.parse reviver for request bodies: `__proto__` as a key would replace an object's prototype when
 * the parsed value is copied or validated (a policy's topics silently vanished that way), so it is refused.
 */
export function refuseReservedKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new SyntaxError(RESERVED_KEY_MESSAGE);
  return value;
}

/** Body-parser failures and anything that escaped a route: a clear code, never a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: { type?: string; status?: number; charset?: string; message?: string }, _req, res, _next) => {
    if (res.headersSent) return void res.destroy();
    if (err.type === 'entity.too.large') {
      return sendError(res, { code: 'payload_too_large', message: 'The request body is too large.' });
    }
    if (err.type === 'charset.unsupported') {
      return sendError(res, {
        code: 'unsupported_media_type',
        message: 'Send the body as UTF-8 (Content-Type: application/json; charset=utf-8).',
      });
    }
    if (err.type === 'encoding.unsupported') {
      return sendError(res, {
        code: 'unsupported_media_type',
        message: 'Unsupported Content-Encoding: send the body as identity, gzip, deflate or br.',
      });
    }
    if (err.type === 'entity.parse.failed' && err.message?.includes(RESERVED_KEY_MESSAGE)) {
      return sendError(res, { code: 'invalid_payload', message: RESERVED_KEY_MESSAGE });
    }
    if (err.type === 'entity.parse.failed' || err.status === 400) {
      return sendError(res, { code: 'invalid_payload', message: 'The request body is not valid JSON.' });
    }
    logger.error({ err }, 'unhandled request error');
    sendError(res, { code: 'internal', message: 'Something went wrong.' });
  };
}
