import { typingUpdateSchema, visitorIdentitySchema, visitorPageSchema } from '@hitl/shared/visitor-context';
import { createSocketBudget, type SocketBudget } from '../lib/socket-budget';
import { RateLimitedError } from '../services/rate-limits';
import { relayCustomerTyping } from '../services/relay-typing';
import type { ServiceContext } from '../services/service-context';
import type { Visitor } from '../services/visitor';
import { identifyVisitor, recordVisitorPage } from '../services/visitor-profile';
import { ackHandler } from './ack-handler';
import type { WidgetSocket } from './namespaces';

/** A throttled widget types at most one event per 2 s: this leaves room for stops and a second tab's burst. */
export const TYPING_BUDGET = { limit: 15, windowMs: 10_000 } as const;
/** Each identify or page is a store write; a page navigating in a loop must not turn into a write loop. */
export const CONTEXT_BUDGET = { limit: 30, windowMs: 60_000 } as const;

/** /widget events about the visitor rather than the conversation: identify, page, typing. */
export function attachVisitorContextHandlers(socket: WidgetSocket, ctx: ServiceContext, visitor: Visitor) {
  const typingBudget = createSocketBudget(ctx.clock, TYPING_BUDGET.limit, TYPING_BUDGET.windowMs);
  const contextBudget = createSocketBudget(ctx.clock, CONTEXT_BUDGET.limit, CONTEXT_BUDGET.windowMs);
  const userAgent = socket.handshake.headers['user-agent'];

  socket.on(
    'visitor:identify',
    ackHandler(visitorIdentitySchema, ctx.logger, async (input) => {
      spend(contextBudget);
      await identifyVisitor(ctx, visitor, input);
      return null;
    }),
  );
  socket.on(
    'visitor:page',
    ackHandler(visitorPageSchema, ctx.logger, async (input) => {
      spend(contextBudget);
      await recordVisitorPage(ctx, visitor, input, userAgent);
      return null;
    }),
  );
  socket.on(
    'typing:update',
    ackHandler(typingUpdateSchema, ctx.logger, (input) => {
      spend(typingBudget);
      return relayCustomerTyping(ctx, visitor, input);
    }),
  );
}

/** Refuses the event (nothing read, written or relayed) once the socket's budget is spent. */
export function spend(budget: SocketBudget): void {
  const waitMs = budget.take();
  if (waitMs > 0) throw new RateLimitedError(waitMs);
}
