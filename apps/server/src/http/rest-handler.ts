import { httpStatusByCode, type RestErrorBody } from '@hitl/shared/errors';
import type { Agent } from '@hitl/shared/models';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { describeZodError, zodIssues } from '../lib/describe-zod-error';
import type { Logger } from '../lib/logger';
import { toApiError } from '../services/to-api-error';

export function sendError(res: Response, error: RestErrorBody['error']): void {
  if (error.retryAfterMs !== undefined)
    res.setHeader('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
  res.status(httpStatusByCode[error.code]).json({ error } satisfies RestErrorBody);
}

/** Validates one part of the request with its shared schema; a bad one is a 400 with the reasons. */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  value: unknown,
  res: Response,
): z.infer<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  sendError(res, {
    code: 'invalid_payload',
    message: describeZodError(parsed.error),
    issues: zodIssues(parsed.error.issues),
  });
  return undefined;
}

/** Wraps an async route: thrown domain errors become their HTTP status, anything else a bare 500. */
export function route(
  logger: Logger,
  handler: (req: Request, res: Response, next: NextFunction) => Promise<void>,
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    handler(req, res, next).catch((err: unknown) => {
      if (res.headersSent) {
        logger.error({ err }, 'error after the response started');
        res.destroy();
        return;
      }
      sendError(res, toApiError(err, logger));
    });
  };
}

/** The agent authenticated by `requireAgent`. */
export function agentOf(res: Response): Agent {
  return res.locals.agent as Agent;
}
