import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../lib/logger';
import { sendError } from './rest-handler';

/** Body-parser failures and anything that escaped a route: a clear code, never a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: { type?: string; status?: number }, _req, res, _next) => {
    if (res.headersSent) return void res.destroy();
    if (err.type === 'entity.too.large') {
      return sendError(res, { code: 'payload_too_large', message: 'The request body is too large.' });
    }
    if (err.type === 'entity.parse.failed' || err.status === 400) {
      return sendError(res, { code: 'invalid_payload', message: 'The request body is not valid JSON.' });
    }
    logger.error({ err }, 'unhandled request error');
    sendError(res, { code: 'internal', message: 'Something went wrong.' });
  };
}
