import type { policyResponseSchema } from '@hitl/shared/rest';
import { reviewItemListQuerySchema, type reviewItemListResponseSchema } from '@hitl/shared/review-items';
import {
  thresholdAdviceApplySchema,
  thresholdAdviceQuerySchema,
  type thresholdAdviceResponseSchema,
} from '@hitl/shared/threshold-advice';
import { Router } from 'express';
import type { z } from 'zod';
import { listReviewItems } from '../services/list-review-items';
import type { ServiceContext } from '../services/service-context';
import { applyThresholdAdvice, thresholdAdvice } from '../services/threshold-advice';
import { agentOf, parseOr400, route } from './rest-handler';

/** The review-later list (marked over the agent socket) and the threshold advice drawn from reviews. */
export function reviewItemRoutes(ctx: ServiceContext): Router {
  const router = Router();
  router.get(
    '/review-items',
    route(ctx.logger, async (req, res) => {
      const query = parseOr400(reviewItemListQuerySchema, req.query, res);
      if (!query) return;
      const items = await listReviewItems(ctx, query);
      res.json({ items } satisfies z.infer<typeof reviewItemListResponseSchema>);
    }),
  );
  router.get(
    '/threshold-advice',
    route(ctx.logger, async (req, res) => {
      const query = parseOr400(thresholdAdviceQuerySchema, req.query, res);
      if (!query) return;
      const advice = await thresholdAdvice(ctx, query.accuracy);
      res.json(advice satisfies z.infer<typeof thresholdAdviceResponseSchema>);
    }),
  );
  router.post(
    '/admin/threshold-advice/apply',
    route(ctx.logger, async (req, res) => {
      const body = parseOr400(thresholdAdviceApplySchema, req.body, res);
      if (!body) return;
      const applied = await applyThresholdAdvice(ctx, agentOf(res), body);
      res.json(applied satisfies z.infer<typeof policyResponseSchema>);
    }),
  );
  return router;
}
