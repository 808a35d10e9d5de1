import { typingUpdateSchema, visitorIdentitySchema, visitorPageSchema } from '@hitl/shared/visitor-context';
import { createSocketBudgets, type SocketBudget } from '../lib/socket-budget';
import { RateLimitedError } from '../services/rate-limits';
import { relayCustomerTyping } from '../services/relay-typing';
import type { ServiceContext } from '../services/service-context';
import { identifyVisitor, recordVisitorPage } from '../services/visitor-profile';
import { socketAckHandler } from './ack-handler';
import type { SocketEventHandler } from './event-table';
import type { WidgetSocket } from './namespaces';
import { visitorOf } from './widget-visitor';

/** A throttled widget types at most one event per 2 s: this leaves room for stops and a second tab's burst. */
export const TYPING_BUDGET = { limit: 15, windowMs: 10_000 } as const;
/** Each identify or page is a store write; a page navigating in a loop must not turn into a write loop. */
export const CONTEXT_BUDGET = { limit: 30, windowMs: 60_000 } as const;

/** /widget events about the visitor rather than the conversation: identify, page, typing (event-table entries). */
export function visitorContextEvents(ctx: ServiceContext): [string, SocketEventHandler<WidgetSocket>][] {
  const typingBudgets = createSocketBudgets(ctx.clock, TYPING_BUDGET.limit, TYPING_BUDGET.windowMs);
  const contextBudgets = createSocketBudgets(ctx.clock, CONTEXT_BUDGET.limit, CONTEXT_BUDGET.windowMs);
  return [
    [
      'visitor:identify',
      socketAckHandler(visitorIdentitySchema, ctx.logger, async (socket: WidgetSocket, input) => {
        spend(contextBudgets.of(socket));
        await identifyVisitor(ctx, visitorOf(socket), input);
        return null;
      }),
    ],
    [
      'visitor:page',
      socketAckHandler(visitorPageSchema, ctx.logger, async (socket: WidgetSocket, input) => {
        spend(contextBudgets.of(socket));
        await recordVisitorPage(ctx, visitorOf(socket), input, socket.handshake.headers['user-agent']);
        return null;
      }),
    ],
    [
      'typing:update',
      socketAckHandler(typingUpdateSchema, ctx.logger, (socket: WidgetSocket, input) => {
        spend(typingBudgets.of(socket));
        return relayCustomerTyping(ctx, visitorOf(socket), input);
      }),
    ],
  ];
}

/** Refuses the event (nothing read, written or relayed) once the socket's budget is spent. */
export function spend(budget: SocketBudget): void {
  const waitMs = budget.take();
  if (waitMs > 0) throw new RateLimitedError(waitMs);
}
