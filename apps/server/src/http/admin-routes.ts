import { idSchema } from '@hitl/shared/models';
import { agentInviteSchema, agentPatchSchema, auditQuerySchema } from '@hitl/shared/rest';
import { Router } from 'express';
import { assertPermitted } from '../services/auth/assert-permitted';
import { updatePolicy } from '../services/policy-state';
import type { ServiceContext } from '../services/service-context';
import { changeAgent, inviteAgent, listTeam } from '../services/team/manage-team';
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
    '/admin/agents',
    route(ctx.logger, async (_req, res) => {
      res.json({ agents: await listTeam(ctx, agentOf(res)) });
    }),
  );
  router.post(
    '/admin/agents',
    route(ctx.logger, async (req, res) => {
      const body = parseOr400(agentInviteSchema, req.body, res);
      if (!body) return;
      res.status(201).json(await inviteAgent(ctx, agentOf(res), body));
    }),
  );
  router.patch(
    '/admin/agents/:id',
    route(ctx.logger, async (req, res) => {
      const id = parseOr400(idSchema, req.params.id, res);
      if (id === undefined) return;
      const body = parseOr400(agentPatchSchema, req.body, res);
      if (!body) return;
      res.json({ agent: await changeAgent(ctx, agentOf(res), id, body) });
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
