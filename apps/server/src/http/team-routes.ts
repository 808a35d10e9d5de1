import { assignmentModeUpdateSchema } from '@hitl/shared/team-presence';
import { Router } from 'express';
import { setAssignmentMode } from '../services/assignment/assignment-mode';
import { assertPermitted } from '../services/auth/assert-permitted';
import type { ServiceContext } from '../services/service-context';
import { listMembers } from '../services/team/list-members';
import { agentOf, parseOr400, route } from './rest-handler';

/** What every agent may know about the team (who is there, online, how busy), and the assignment mode. */
export function teamRoutes(ctx: ServiceContext): Router {
  const router = Router();
  router.get(
    '/team',
    route(ctx.logger, async (_req, res) => {
      assertPermitted(agentOf(res), 'team.read');
      res.json(await listMembers(ctx));
    }),
  );
  router.put(
    '/admin/assignment',
    route(ctx.logger, async (req, res) => {
      assertPermitted(agentOf(res), 'team.manage');
      const body = parseOr400(assignmentModeUpdateSchema, req.body, res);
      if (!body) return;
      res.json(await setAssignmentMode(ctx, agentOf(res), body.mode));
    }),
  );
  return router;
}
