import { idSchema } from '@hitl/shared/models';
import { type correctionResponseSchema, exportQuerySchema, reviewRequestSchema } from '@hitl/shared/rest';
import { correctionListQuerySchema, type correctionListResponseSchema } from '@hitl/shared/review-items';
import { type Response, Router } from 'express';
import type { z } from 'zod';
import { createId } from '../lib/ids';
import { assertPermitted } from '../services/auth/assert-permitted';
import { exportDataset } from '../services/export-dataset';
import { listPrioritizedCorrections } from '../services/list-review-items';
import { reviewCorrection } from '../services/review-correction';
import { authorOf, nowIso, type ServiceContext } from '../services/service-context';
import type { ExportJobMetrics } from './live-metrics';
import { agentOf, parseOr400, route } from './rest-handler';

const contentTypes = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8' };

export function correctionRoutes(ctx: ServiceContext, exportJobs: ExportJobMetrics): Router {
  const router = Router();
  router.get(
    '/corrections',
    route(ctx.logger, async (req, res) => {
      const query = parseOr400(correctionListQuerySchema, req.query, res);
      if (!query) return;
      const { order, ...filter } = query;
      const list = await listPrioritizedCorrections(ctx, filter, order);
      res.json(list satisfies z.infer<typeof correctionListResponseSchema>);
    }),
  );
  router.post(
    '/corrections/:id/review',
    route(ctx.logger, async (req, res) => {
      const id = parseOr400(idSchema, req.params.id, res);
      const body = id && parseOr400(reviewRequestSchema, req.body, res);
      if (!id || !body) return;
      const correction = await reviewCorrection(ctx, agentOf(res), id, body);
      res.json({ correction } satisfies z.infer<typeof correctionResponseSchema>);
    }),
  );
  /**
   * Streamed download in one file (the train/validation split and the manifest are the CLI's);
   * memory stays flat whatever the number of corrections.
   */
  router.get(
    '/exports/corrections',
    route(ctx.logger, async (req, res) => {
      const query = parseOr400(exportQuerySchema, req.query, res);
      if (!query) return;
      const { format, redact, dedup, ...filter } = query;
      const agent = agentOf(res);
      if (!redact) {
        // Raw card numbers and e-mails leave the building only by an admin's hand, and it is written down.
        assertPermitted(agent, 'export.unredacted');
        await ctx.store.appendAudit({
          id: createId('aud'),
          actor: authorOf(agent),
          action: 'export.unredacted',
          target: format,
          data: { filter },
          at: nowIso(ctx),
        });
      }
      const extension = format === 'csv' ? 'csv' : 'jsonl';
      res.setHeader('Content-Type', contentTypes[extension]);
      res.setHeader('Content-Disposition', `attachment; filename="corrections-${format}.${extension}"`);
      const lines = exportDataset(ctx.store, {
        format,
        filter,
        redact,
        dedup,
        validationFraction: 0,
        systemPrompt: ctx.systemPrompt,
      });
      const finished = exportJobs.started();
      try {
        for await (const { data } of lines) {
          // A client that went away stops the export (and closes the store's cursor).
          if (!res.write(data) && !(await drained(res))) return finished('aborted');
        }
      } catch (error) {
        finished('failed');
        throw error;
      }
      res.end();
      finished('completed');
    }),
  );
  return router;
}

/** Waits until the response takes more data: true when it drained, false when it was closed. */
function drained(res: Response): Promise<boolean> {
  return new Promise((resolve) => {
    const settle = (value: boolean) => () => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(value);
    };
    const onDrain = settle(true);
    const onClose = settle(false);
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}
