import { cannedResponseContentSchema, cannedResponseIdSchema } from '@hitl/shared/canned-responses';
import { Router } from 'express';
import {
  createCannedResponse,
  deleteCannedResponse,
  updateCannedResponse,
} from '../services/canned/edit-canned-response';
import { listCannedResponses } from '../services/canned/list-canned-responses';
import type { ServiceContext } from '../services/service-context';
import { agentOf, parseOr400, route } from './rest-handler';

/** The team's canned responses: read by every agent, changed by reviewers and admins (checked by the services). */
export function cannedResponseRoutes(ctx: ServiceContext): Router {
  const router = Router();
  const log = ctx.logger;

  router.get(
    '/canned-responses',
    route(log, async (_req, res) => {
      res.json(await listCannedResponses(ctx, agentOf(res)));
    }),
  );
  router.post(
    '/canned-responses',
    route(log, async (req, res) => {
      const body = parseOr400(cannedResponseContentSchema, req.body, res);
      if (!body) return;
      res.status(201).json({ cannedResponse: await createCannedResponse(ctx, agentOf(res), body) });
    }),
  );
  router.put(
    '/canned-responses/:id',
    route(log, async (req, res) => {
      const id = parseOr400(cannedResponseIdSchema, req.params.id, res);
      const body = id && parseOr400(cannedResponseContentSchema, req.body, res);
      if (!id || !body) return;
      res.json({ cannedResponse: await updateCannedResponse(ctx, agentOf(res), id, body) });
    }),
  );
  router.delete(
    '/canned-responses/:id',
    route(log, async (req, res) => {
      const id = parseOr400(cannedResponseIdSchema, req.params.id, res);
      if (!id) return;
      await deleteCannedResponse(ctx, agentOf(res), id);
      res.status(204).end();
    }),
  );
  return router;
}
