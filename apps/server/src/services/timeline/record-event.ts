import type { TimelineEvent } from '@hitl/shared/conversation-timeline';
import type { ServiceContext } from '../service-context';

/**
 * Writes one event of a conversation's timeline. Its id comes from a step's id chosen up front (the
 * notice, the audit entry), so a step replayed after a crash writes it once.
 */
export function recordEvent(ctx: ServiceContext, event: TimelineEvent): Promise<void> {
  return ctx.store.appendConversationEvent(event);
}

/** The event id of the step whose id is `stepId`. */
export const eventIdFor = (stepId: string): string => `evt-${stepId}`;
