import { type WidgetSessionResponse, widgetSessionRequestSchema } from '@hitl/shared/widget-events';
import { Router } from 'express';
import { selfOriginOf } from '../lib/self-origin';
import { isOriginAllowed } from '../services/auth/site-origins';
import { issueVisitorToken, verifyVisitorToken } from '../services/auth/visitor-tokens';
import type { ServiceContext } from '../services/service-context';
import { parseOr400, route, sendError } from './rest-handler';

export interface WidgetRouteOptions {
  secret: string;
  publicUrl?: string | undefined;
  visitorTokenTtlMs: number;
}

/** The widget's only REST call: a visitor token for a site key, checked against the page's origin. */
export function widgetRoutes(ctx: ServiceContext, options: WidgetRouteOptions): Router {
  const router = Router();
  // Any page may ask (the preflight carries no site key); the POST itself checks the origin.
  router.use((req, res, next) => {
    if (req.headers.origin) {
      res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    }
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next();
  });
  router.post(
    '/session',
    route(ctx.logger, async (req, res) => {
      await ctx.rateLimits.consume('widgetSessionIp', req.ip ?? 'unknown');
      const body = parseOr400(widgetSessionRequestSchema, req.body, res);
      if (!body) return;
      const site = await ctx.siteKeys.find(body.siteKey);
      if (!site) return sendError(res, { code: 'not_found', message: 'Unknown site key.' });
      const selfOrigin = selfOriginOf(req.headers, options.publicUrl);
      if (!isOriginAllowed(site.origins, req.headers.origin, selfOrigin)) {
        return sendError(res, { code: 'forbidden', message: 'This site may not use this site key.' });
      }
      const nowMs = ctx.clock.now().getTime();
      // A valid token is renewed with the same visitor id; an expired or forged one starts a new visitor.
      const known = body.token
        ? verifyVisitorToken(options.secret, body.siteKey, body.token, {
            nowMs,
            ttlMs: options.visitorTokenTtlMs,
          })
        : null;
      const { token, visitorId } = issueVisitorToken(options.secret, body.siteKey, {
        visitorId: known ?? undefined,
        nowMs,
      });
      res.json({
        token,
        visitorId,
        siteName: site.name,
        greeting: site.greeting,
      } satisfies WidgetSessionResponse);
    }),
  );
  return router;
}
