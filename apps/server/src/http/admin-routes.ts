import { auditQuerySchema } from '@hitl/shared/rest';
import { Router } from 'express';
import { assertPermitted } from '../services/auth/assert-permitted';
import { updatePolicy } from '../services/policy-state';
import type { ServiceContext } from '../services/service-context';
import { agentOf, parseOr400, route } from './rest-handler';

const DRAFTS_SHOWN = 200;

/** The escalation policy (read by agents, edited by admins), the audit trail and pending drafts. */
export function adminRoutes(ctx: ServiceContext): Router {
  const router = Router();
  router.get(
    '/admin/policy',
    route(ctx.logger, async (_req, res) => {
      res.json(ctx.policyState.view());
    }),
  );
  router.put(
    '/admin/policy',
    route(ctx.logger, async (req, res) => {
      res.json(await updatePolicy(ctx, agentOf(res), req.body));
    }),
  );
  router.get(
    '/admin/audit',
    route(ctx.logger, async (req, res) => {
      assertPermitted(agentOf(res), 'audit.read');
      const query = parseOr400(auditQuerySchema, req.query, res);
      if (!query) return;
      res.json({ events: await ctx.store.listAudit(query.limit) });
    }),
  );
  router.get(
    '/drafts',
    route(ctx.logger, async (_req, res) => {
      res.json({ drafts: await ctx.store.listPendingDrafts(DRAFTS_SHOWN) });
    }),
  );
  return router;
}
