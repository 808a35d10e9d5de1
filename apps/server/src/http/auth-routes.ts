import {
  type agentResponseSchema,
  type LoginResponse,
  loginRequestSchema,
  SESSION_COOKIE,
} from '@hitl/shared/rest';
import { parse as parseCookie } from 'cookie';
import { type Request, type RequestHandler, Router } from 'express';
import type { z } from 'zod';
import { authenticateAgent, loginAgent, logoutAgent } from '../services/auth/agent-sessions';
import { DomainError } from '../services/domain-error';
import type { ServiceContext } from '../services/service-context';
import { agentOf, parseOr400, route, sendError } from './rest-handler';

/** The session token from the cookie, or from `Authorization: Bearer …` for API clients. */
export function sessionTokenOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  return parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
}

export function requireAgent(ctx: ServiceContext): RequestHandler {
  return route(ctx.logger, async (req, res, next) => {
    const agent = await authenticateAgent(ctx.store, sessionTokenOf(req), ctx.clock.now());
    if (!agent) return sendError(res, { code: 'unauthorized', message: 'Log in first.' });
    res.locals.agent = agent;
    next();
  });
}

export function authRoutes(
  ctx: ServiceContext,
  options: { sessionTtlHours: number; secureCookie: boolean },
): Router {
  const router = Router();
  router.post(
    '/login',
    route(ctx.logger, async (req, res) => {
      const body = parseOr400(loginRequestSchema, req.body, res);
      if (!body) return;
      const account = body.email.trim().toLowerCase();
      const address = req.ip ?? 'unknown';
      // Checked before the password, so a blocked account cannot be probed for the right one.
      await ctx.rateLimits.checkLogin(account, address);
      const { agent, token, expiresAt } = await loginAgent(
        ctx.store,
        body,
        ctx.clock.now(),
        options.sessionTtlHours,
      ).catch(async (error: unknown) => {
        if (error instanceof DomainError && error.code === 'unauthorized')
          await ctx.rateLimits.loginFailed(account, address);
        throw error;
      });
      await ctx.rateLimits.loginSucceeded(account);
      res.cookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        // Behind a TLS proxy (TRUST_PROXY) the request is secure even though it reached us over HTTP.
        secure: options.secureCookie || req.secure,
        path: '/',
        expires: expiresAt,
      });
      res.json({ agent, token } satisfies LoginResponse);
    }),
  );
  router.post(
    '/logout',
    route(ctx.logger, async (req, res) => {
      const ended = await logoutAgent(ctx.store, sessionTokenOf(req));
      if (ended) ctx.notifier.sessionEnded(ended);
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      res.status(204).end();
    }),
  );
  router.get('/me', requireAgent(ctx), (_req, res) => {
    res.json({ agent: agentOf(res) } satisfies z.infer<typeof agentResponseSchema>);
  });
  return router;
}
