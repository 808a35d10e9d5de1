import {
  conversationSearchQuerySchema,
  type conversationSearchResponseSchema,
} from '@hitl/shared/conversation-search';
import { idSchema } from '@hitl/shared/models';
import { conversationQuerySchema } from '@hitl/shared/rest';
import { Router } from 'express';
import type { z } from 'zod';
import { listConversations, readConversation } from '../services/read-conversations';
import { searchConversations } from '../services/search-conversations';
import type { ServiceContext } from '../services/service-context';
import { agentOf, parseOr400, route } from './rest-handler';

/**
 * Read-only REST view of conversations, for integrations and scripts; the console uses the socket for the live
 * list and this search for finding conversations by their words and filters.
 */
export function conversationRoutes(ctx: ServiceContext): Router {
  const router = Router();
  router.get(
    '/',
    route(ctx.logger, async (req, res) => {
      const query = parseOr400(conversationQuerySchema, req.query, res);
      if (!query) return;
      const conversations = await listConversations(ctx, {
        limit: query.limit,
        states: query.state ? [query.state] : undefined,
        before:
          query.beforeUpdatedAt && query.beforeId
            ? { updatedAt: query.beforeUpdatedAt, id: query.beforeId }
            : undefined,
      });
      res.json({ conversations });
    }),
  );
  // Before `/:id`, which would take `search` for an id.
  router.get(
    '/search',
    route(ctx.logger, async (req, res) => {
      const query = parseOr400(conversationSearchQuerySchema, req.query, res);
      if (!query) return;
      const page = await searchConversations(ctx, agentOf(res), query);
      res.json(page satisfies z.infer<typeof conversationSearchResponseSchema>);
    }),
  );
  router.get(
    '/:id',
    route(ctx.logger, async (req, res) => {
      const id = parseOr400(idSchema, req.params.id, res);
      if (!id) return;
      res.json(await readConversation(ctx, id, 0));
    }),
  );
  return router;
}
