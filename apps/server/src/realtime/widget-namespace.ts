import type { IncomingMessage } from 'node:http';
import {
  contactLeaveSchema,
  conversationRateSchema,
  type WidgetSendResult,
  widgetAuthSchema,
  widgetSendSchema,
  widgetSyncSchema,
} from '@hitl/shared/widget-events';
import { selfOriginOf } from '../lib/self-origin';
import { isOriginAllowed } from '../services/auth/site-origins';
import { verifyVisitorToken } from '../services/auth/visitor-tokens';
import { handleCustomerMessage } from '../services/handle-customer-message';
import { leaveContact } from '../services/leave-contact';
import { readQueueStatus } from '../services/queue/queue-status';
import { rateConversation } from '../services/rate-conversation';
import { syncVisitor } from '../services/read-conversations';
import type { ServiceContext } from '../services/service-context';
import { toPublicConversation } from '../services/visitor';
import { ackHandler } from './ack-handler';
import type { WidgetNamespace } from './namespaces';
import { rooms } from './rooms';
import { attachVisitorContextHandlers } from './visitor-context-handlers';

export interface WidgetNamespaceOptions {
  secret: string;
  publicUrl?: string | undefined;
  visitorTokenTtlMs: number;
  /** The client's address, through the proxies `TRUST_PROXY` trusts. */
  clientAddress(req: IncomingMessage): string;
}

/** /widget: customers. Authenticated by a visitor token bound to a site key, from an allowed origin. */
export function attachWidgetNamespace(
  nsp: WidgetNamespace,
  ctx: ServiceContext,
  options: WidgetNamespaceOptions,
) {
  nsp.use(async (socket, next) => {
    const auth = widgetAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(new Error('unauthorized'));
    const { siteKey, token } = auth.data;
    const selfOrigin = selfOriginOf(socket.handshake.headers, options.publicUrl);
    // Read at each handshake: an origin an admin removed is refused on every node from then on.
    const site = await ctx.siteKeys.find(siteKey).catch((err: unknown) => {
      ctx.logger.error({ err }, 'site key lookup failed');
      return undefined;
    });
    if (site === undefined) return next(new Error('internal'));
    if (!isOriginAllowed(site?.origins, socket.handshake.headers.origin, selfOrigin)) {
      return next(new Error('forbidden'));
    }
    const visitorId = verifyVisitorToken(options.secret, siteKey, token, {
      nowMs: ctx.clock.now().getTime(),
      ttlMs: options.visitorTokenTtlMs,
    });
    if (!visitorId) return next(new Error('unauthorized'));
    socket.data.siteKey = siteKey;
    socket.data.visitorId = visitorId;
    next();
  });

  nsp.on('connection', (socket) => {
    const visitor = { siteKey: socket.data.siteKey, visitorId: socket.data.visitorId };
    void socket.join(rooms.visitor(visitor.siteKey, visitor.visitorId));

    socket.on(
      'conversation:sync',
      ackHandler(widgetSyncSchema, ctx.logger, (input) => syncVisitor(ctx, visitor, input)),
    );
    const visitorKey = `${visitor.siteKey}:${visitor.visitorId}`;
    const address = options.clientAddress(socket.request);
    socket.on(
      'contact:leave',
      ackHandler(contactLeaveSchema, ctx.logger, async (input) => {
        await ctx.rateLimits.consume('contactVisitor', visitorKey);
        await ctx.rateLimits.consume('contactIp', address);
        return { conversation: await leaveContact(ctx, visitor, input) };
      }),
    );
    socket.on(
      'conversation:rate',
      ackHandler(conversationRateSchema, ctx.logger, async (input) => {
        await ctx.rateLimits.consume('contactVisitor', visitorKey);
        await ctx.rateLimits.consume('contactIp', address);
        return { conversation: await rateConversation(ctx, visitor, input) };
      }),
    );
    socket.on(
      'message:send',
      ackHandler(widgetSendSchema, ctx.logger, async (input) => {
        // Each message starts a bot turn: a flood from one visitor or one address is refused before it.
        await ctx.rateLimits.consume('messageVisitor', visitorKey);
        await ctx.rateLimits.consume('messageIp', address);
        const { message, conversation } = await handleCustomerMessage(ctx, visitor, input);
        // While a person is awaited, the ack says where the customer stands (the widget acknowledges with it).
        const queue = await readQueueStatus(ctx, conversation);
        return {
          message,
          conversation: toPublicConversation(conversation),
          queue,
        } satisfies WidgetSendResult;
      }),
    );
    attachVisitorContextHandlers(socket, ctx, visitor);
  });
}
