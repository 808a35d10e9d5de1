import { analyticsQuerySchema, type analyticsResponseSchema } from '@hitl/shared/analytics';
import { Router } from 'express';
import type { z } from 'zod';
import { analyticsOverview } from '../services/analytics-overview';
import type { ServiceContext } from '../services/service-context';
import { agentOf, parseOr400, route } from './rest-handler';

/** `GET /api/analytics?from=&to=&siteKey=&topic=&accuracy=`: the analytics page's figures (`analytics.view`). */
export function analyticsRoutes(ctx: ServiceContext): Router {
  const router = Router();
  router.get(
    '/analytics',
    route(ctx.logger, async (req, res) => {
      const query = parseOr400(analyticsQuerySchema, req.query, res);
      if (!query) return;
      const overview = await analyticsOverview(ctx, agentOf(res), query);
      res.json(overview satisfies z.infer<typeof analyticsResponseSchema>);
    }),
  );
  return router;
}
