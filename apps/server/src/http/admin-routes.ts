import { idSchema } from '@hitl/shared/models';
import {
  type agentInviteResponseSchema,
  agentInviteSchema,
  type agentListResponseSchema,
  agentPatchSchema,
  type agentResponseSchema,
  type auditListResponseSchema,
  auditQuerySchema,
  type draftListResponseSchema,
  type policyResponseSchema,
} from '@hitl/shared/rest';
import { Router } from 'express';
import type { z } from 'zod';
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
      res.json(ctx.policyState.view() satisfies z.infer<typeof policyResponseSchema>);
    }),
  );
  router.put(
    '/admin/policy',
    route(ctx.logger, async (req, res) => {
      res.json(
        (await updatePolicy(ctx, agentOf(res), req.body)) satisfies z.infer<typeof policyResponseSchema>,
      );
    }),
  );
  router.get(
    '/admin/audit',
    route(ctx.logger, async (req, res) => {
      assertPermitted(agentOf(res), 'audit.read');
      const query = parseOr400(auditQuerySchema, req.query, res);
      if (!query) return;
      const events = await ctx.store.listAudit(query.limit);
      res.json({ events } satisfies z.infer<typeof auditListResponseSchema>);
    }),
  );
  router.get(
    '/admin/agents',
    route(ctx.logger, async (_req, res) => {
      const agents = await listTeam(ctx, agentOf(res));
      res.json({ agents } satisfies z.infer<typeof agentListResponseSchema>);
    }),
  );
  router.post(
    '/admin/agents',
    route(ctx.logger, async (req, res) => {
      const body = parseOr400(agentInviteSchema, req.body, res);
      if (!body) return;
      const invited = await inviteAgent(ctx, agentOf(res), body);
      res.status(201).json(invited satisfies z.infer<typeof agentInviteResponseSchema>);
    }),
  );
  router.patch(
    '/admin/agents/:id',
    route(ctx.logger, async (req, res) => {
      const id = parseOr400(idSchema, req.params.id, res);
      if (id === undefined) return;
      const body = parseOr400(agentPatchSchema, req.body, res);
      if (!body) return;
      const agent = await changeAgent(ctx, agentOf(res), id, body);
      res.json({ agent } satisfies z.infer<typeof agentResponseSchema>);
    }),
  );
  router.get(
    '/drafts',
    route(ctx.logger, async (_req, res) => {
      const drafts = await ctx.store.listPendingDrafts(DRAFTS_SHOWN);
      res.json({ drafts } satisfies z.infer<typeof draftListResponseSchema>);
    }),
  );
  return router;
}
