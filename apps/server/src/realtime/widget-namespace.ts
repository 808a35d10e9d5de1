import type { IncomingMessage } from 'node:http';
import {
  contactLeaveSchema,
  conversationRateSchema,
  linkPingSchema,
  type WidgetSendResult,
  widgetAuthSchema,
  widgetSendSchema,
  widgetSyncSchema,
} from '@hitl/shared/widget-events';
import type { z } from 'zod';
import { selfOriginOf } from '../lib/self-origin';
import { createSocketBudgets } from '../lib/socket-budget';
import { isOriginAllowed } from '../services/auth/site-origins';
import { verifyVisitorToken } from '../services/auth/visitor-tokens';
import { handleCustomerMessage } from '../services/handle-customer-message';
import { leaveContact } from '../services/leave-contact';
import { readQueueStatus } from '../services/queue/queue-status';
import { rateConversation } from '../services/rate-conversation';
import { syncVisitor } from '../services/read-conversations';
import type { ServiceContext } from '../services/service-context';
import { toPublicConversation } from '../services/visitor';
import { socketAckHandler } from './ack-handler';
import { eventTableListener, type SocketEventHandler } from './event-table';
import type { WidgetNamespace, WidgetSocket } from './namespaces';
import { rooms } from './rooms';
import { spend, visitorContextEvents } from './visitor-context-handlers';
import { visitorOf } from './widget-visitor';

/** The widget pings every 2 s while its panel is open; twice that leaves room for a burst after a stall. */
export const PING_BUDGET = { limit: 10, windowMs: 10_000 } as const;

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
    socket.data.address = options.clientAddress(socket.request);
    next();
  });

  const table = widgetEventTable(ctx);
  const listener = eventTableListener(table);
  nsp.on('connection', (socket) => {
    void socket.join(rooms.visitor(socket.data.siteKey, socket.data.visitorId));
    socket.onAny(listener);
    // Engine.IO keeps the upgrade request for the connection's whole life; nothing reads it past this
    // point (the handshake copied its headers, the middleware the address), and dropping it is the
    // saving Socket.IO's "Memory usage" page recommends: idle widget connections are most of a busy
    // node's memory.
    forgetUpgradeRequest(socket);
  });
}

/** Every /widget event, handled for whichever socket it came on (see `event-table.ts`). */
function widgetEventTable(ctx: ServiceContext): Map<string, SocketEventHandler<WidgetSocket>> {
  // Answered from memory: a heartbeat must stay cheap for thousands of open panels.
  const pingBudgets = createSocketBudgets(ctx.clock, PING_BUDGET.limit, PING_BUDGET.windowMs);
  const handle = <S extends z.ZodType, T>(
    schema: S,
    run: (socket: WidgetSocket, input: z.infer<S>) => Promise<T>,
  ) => socketAckHandler(schema, ctx.logger, run);
  return new Map<string, SocketEventHandler<WidgetSocket>>([
    [
      'conversation:sync',
      handle(widgetSyncSchema, (socket, input) => syncVisitor(ctx, visitorOf(socket), input)),
    ],
    [
      'contact:leave',
      handle(contactLeaveSchema, async (socket, input) => {
        await consumeContactLimits(ctx, socket);
        return { conversation: await leaveContact(ctx, visitorOf(socket), input) };
      }),
    ],
    [
      'conversation:rate',
      handle(conversationRateSchema, async (socket, input) => {
        await consumeContactLimits(ctx, socket);
        return { conversation: await rateConversation(ctx, visitorOf(socket), input) };
      }),
    ],
    [
      'message:send',
      handle(widgetSendSchema, async (socket, input) => {
        // Each message starts a bot turn: a flood from one visitor or one address is refused before it.
        await ctx.rateLimits.consume('messageVisitor', visitorKeyOf(socket));
        await ctx.rateLimits.consume('messageIp', socket.data.address);
        const { message, conversation } = await handleCustomerMessage(
          ctx,
          visitorOf(socket),
          input,
          socket.id,
        );
        // While a person is awaited, the ack says where the customer stands (the widget acknowledges with it).
        const queue = await readQueueStatus(ctx, conversation);
        return {
          message,
          conversation: toPublicConversation(conversation),
          queue,
        } satisfies WidgetSendResult;
      }),
    ],
    [
      'link:ping',
      handle(linkPingSchema, async (socket) => {
        spend(pingBudgets.of(socket));
        return null;
      }),
    ],
    ...visitorContextEvents(ctx),
  ]);
}

function visitorKeyOf(socket: WidgetSocket): string {
  return `${socket.data.siteKey}:${socket.data.visitorId}`;
}

async function consumeContactLimits(ctx: ServiceContext, socket: WidgetSocket): Promise<void> {
  await ctx.rateLimits.consume('contactVisitor', visitorKeyOf(socket));
  await ctx.rateLimits.consume('contactIp', socket.data.address);
}

function forgetUpgradeRequest(socket: WidgetSocket): void {
  (socket.conn as { request: unknown }).request = null;
}
