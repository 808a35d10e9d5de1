import { idSchema } from '@hitl/shared/models';
import { type EmailReplyResponse, emailReplyRequestSchema, type FeaturesResponse } from '@hitl/shared/rest';
import { Router } from 'express';
import { replyByEmail } from '../services/reply-by-email';
import type { ServiceContext } from '../services/service-context';
import { agentOf, parseOr400, route } from './rest-handler';

/** Agents answer left e-mails by e-mail; the console asks first whether this server can send any. */
export function emailReplyRoutes(ctx: ServiceContext): Router {
  const router = Router();
  router.get('/features', (_req, res) => {
    const from = ctx.mailer ? ctx.mail.from.address : null;
    res.json({ emailReplies: { enabled: ctx.mailer !== null, from } } satisfies FeaturesResponse);
  });
  router.post(
    '/conversations/:id/email-replies',
    route(ctx.logger, async (req, res) => {
      const id = parseOr400(idSchema, req.params.id, res);
      if (!id) return;
      const body = parseOr400(emailReplyRequestSchema, req.body, res);
      if (!body) return;
      const message = await replyByEmail(ctx, agentOf(res), id, body);
      res.status(201).json({ message } satisfies EmailReplyResponse);
    }),
  );
  return router;
}
