import { idSchema } from '@hitl/shared/models';
import { Router } from 'express';
import type { ServiceContext } from '../services/service-context';
import { readTimeline } from '../services/timeline/read-timeline';
import { parseOr400, route } from './rest-handler';

/** A conversation's timeline, for every agent (as its messages are). */
export function timelineRoutes(ctx: ServiceContext): Router {
  const router = Router();
  router.get(
    '/conversations/:id/timeline',
    route(ctx.logger, async (req, res) => {
      const id = parseOr400(idSchema, req.params.id, res);
      if (!id) return;
      res.json(await readTimeline(ctx, id));
    }),
  );
  return router;
}
