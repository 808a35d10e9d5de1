import { correctionStatsQuerySchema, type correctionStatsResponseSchema } from '@hitl/shared/rest';
import { Router } from 'express';
import type { z } from 'zod';
import { correctionStats } from '../services/correction-stats';
import type { ServiceContext } from '../services/service-context';
import { parseOr400, route } from './rest-handler';

/** How reviewers judged corrections: agreement counts and rate, by reason, topic and author. */
export function reviewRoutes(ctx: ServiceContext): Router {
  const router = Router();
  router.get(
    '/corrections/stats',
    route(ctx.logger, async (req, res) => {
      const filter = parseOr400(correctionStatsQuerySchema, req.query, res);
      if (!filter) return;
      const stats = await correctionStats(ctx.store, filter);
      res.json(stats satisfies z.infer<typeof correctionStatsResponseSchema>);
    }),
  );
  return router;
}
