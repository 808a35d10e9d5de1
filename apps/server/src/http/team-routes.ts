import { Router } from 'express';
import { assertPermitted } from '../services/auth/assert-permitted';
import type { ServiceContext } from '../services/service-context';
import { listMembers } from '../services/team/list-members';
import { agentOf, route } from './rest-handler';

/** What every agent may know about the team: who is there, online, and how busy (to transfer to). */
export function teamRoutes(ctx: ServiceContext): Router {
  const router = Router();
  router.get(
    '/team',
    route(ctx.logger, async (_req, res) => {
      assertPermitted(agentOf(res), 'team.read');
      res.json(await listMembers(ctx));
    }),
  );
  return router;
}
