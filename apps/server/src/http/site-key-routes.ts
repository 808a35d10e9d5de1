import {
  siteKeyCreateSchema,
  siteKeyIdSchema,
  type siteKeyListResponseSchema,
  siteKeyPatchSchema,
  type siteKeyResponseSchema,
} from '@hitl/shared/site-keys';
import { Router } from 'express';
import type { z } from 'zod';
import type { ServiceContext } from '../services/service-context';
import {
  createSiteKey,
  deleteSiteKey,
  listSiteKeys,
  updateSiteKey,
} from '../services/site-keys/manage-site-keys';
import { agentOf, parseOr400, route } from './rest-handler';

/** Widget site keys: admins list, add, change and remove them (checked by the services). */
export function siteKeyRoutes(ctx: ServiceContext): Router {
  const router = Router();
  router.get(
    '/admin/site-keys',
    route(ctx.logger, async (_req, res) => {
      const siteKeys = await listSiteKeys(ctx, agentOf(res));
      res.json({ siteKeys } satisfies z.infer<typeof siteKeyListResponseSchema>);
    }),
  );
  router.post(
    '/admin/site-keys',
    route(ctx.logger, async (req, res) => {
      const body = parseOr400(siteKeyCreateSchema, req.body, res);
      if (!body) return;
      const siteKey = await createSiteKey(ctx, agentOf(res), body);
      res.status(201).json({ siteKey } satisfies z.infer<typeof siteKeyResponseSchema>);
    }),
  );
  router.patch(
    '/admin/site-keys/:key',
    route(ctx.logger, async (req, res) => {
      const key = parseOr400(siteKeyIdSchema, req.params.key, res);
      if (key === undefined) return;
      const body = parseOr400(siteKeyPatchSchema, req.body, res);
      if (!body) return;
      const siteKey = await updateSiteKey(ctx, agentOf(res), key, body);
      res.json({ siteKey } satisfies z.infer<typeof siteKeyResponseSchema>);
    }),
  );
  router.delete(
    '/admin/site-keys/:key',
    route(ctx.logger, async (req, res) => {
      const key = parseOr400(siteKeyIdSchema, req.params.key, res);
      if (key === undefined) return;
      await deleteSiteKey(ctx, agentOf(res), key);
      res.status(204).end();
    }),
  );
  return router;
}
