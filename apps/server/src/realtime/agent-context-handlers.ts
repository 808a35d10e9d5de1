import { conversationRefSchema } from '@hitl/shared/agent-events';
import { typingUpdateSchema, visitorConversationsSchema } from '@hitl/shared/visitor-context';
import { createSocketBudget } from '../lib/socket-budget';
import { relayAgentTyping } from '../services/relay-typing';
import type { ServiceContext } from '../services/service-context';
import { listOtherConversations, readVisitorProfile } from '../services/visitor-profile';
import { ackHandler } from './ack-handler';
import type { AgentSocket } from './namespaces';
import { spend, TYPING_BUDGET } from './visitor-context-handlers';

/** /agent events about the customer: their profile, their other conversations, and the agent's typing. */
export function attachAgentContextHandlers(socket: AgentSocket, ctx: ServiceContext) {
  const agent = socket.data.agent;
  const typingBudget = createSocketBudget(ctx.clock, TYPING_BUDGET.limit, TYPING_BUDGET.windowMs);
  socket.on(
    'visitor:profile',
    ackHandler(conversationRefSchema, ctx.logger, (input) => readVisitorProfile(ctx, input.conversationId)),
  );
  socket.on(
    'visitor:conversations',
    ackHandler(visitorConversationsSchema, ctx.logger, (input) => listOtherConversations(ctx, input)),
  );
  socket.on(
    'typing:update',
    ackHandler(typingUpdateSchema, ctx.logger, (input) => {
      spend(typingBudget);
      return relayAgentTyping(ctx, agent, input);
    }),
  );
}
