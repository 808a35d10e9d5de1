import { idSchema } from '@hitl/shared/models';
import { correctionFilterSchema, exportQuerySchema, reviewRequestSchema } from '@hitl/shared/rest';
import { Router } from 'express';
import { exportDataset } from '../services/export-dataset';
import { reviewCorrection } from '../services/review-correction';
import type { ServiceContext } from '../services/service-context';
import { agentOf, parseOr400, route } from './rest-handler';

const contentTypes = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8' };

export function correctionRoutes(ctx: ServiceContext): Router {
  const router = Router();
  router.get(
    '/corrections',
    route(ctx.logger, async (req, res) => {
      const filter = parseOr400(correctionFilterSchema, req.query, res);
      if (!filter) return;
      res.json({ corrections: await ctx.store.listCorrections(filter, { limit: 200, offset: 0 }) });
    }),
  );
  router.post(
    '/corrections/:id/review',
    route(ctx.logger, async (req, res) => {
      const id = parseOr400(idSchema, req.params.id, res);
      const body = id && parseOr400(reviewRequestSchema, req.body, res);
      if (!id || !body) return;
      res.json({ correction: await reviewCorrection(ctx, agentOf(res), id, body) });
    }),
  );
  /** Streamed download; memory stays flat whatever the number of corrections. */
  router.get(
    '/exports/corrections',
    route(ctx.logger, async (req, res) => {
      const query = parseOr400(exportQuerySchema, req.query, res);
      if (!query) return;
      const { format, redact, ...filter } = query;
      const extension = format === 'csv' ? 'csv' : 'jsonl';
      res.setHeader('Content-Type', contentTypes[extension]);
      res.setHeader('Content-Disposition', `attachment; filename="corrections-${format}.${extension}"`);
      for await (const chunk of exportDataset(ctx.store, {
        format,
        filter,
        redact,
        systemPrompt: ctx.systemPrompt,
      })) {
        if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    }),
  );
  return router;
}
