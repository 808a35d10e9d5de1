import type { TimelineResponse } from '@hitl/shared/conversation-timeline';
import { DomainError } from '../domain-error';
import type { ServiceContext } from '../service-context';

/** More than a conversation ever gathers in practice; the oldest are kept (they explain how it started). */
const TIMELINE_LIMIT = 500;

/** A conversation's history, oldest first. */
export async function readTimeline(ctx: ServiceContext, conversationId: string): Promise<TimelineResponse> {
  if (!(await ctx.store.getConversation(conversationId)))
    throw new DomainError('not_found', 'No such conversation.');
  return { events: await ctx.store.listConversationEvents(conversationId, TIMELINE_LIMIT) };
}
