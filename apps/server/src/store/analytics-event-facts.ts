import type { TimelineEvent, TimelineKind } from '@hitl/shared/conversation-timeline';

/**
 * What the analytics queries read from a timeline event, stored beside it when it is written (the event
 * itself is kept as JSON, and FerretDB v1 cannot compute with dates in a pipeline, so durations are stored
 * as numbers once, when they are known).
 */
export interface EventFacts {
  kind: TimelineKind;
  siteKey: string | null;
  /** When the conversation started: the automation figures count escalations of conversations started in the range. */
  conversationCreatedAt: string | null;
  actorId: string | null;
  /** claimed, transferred: who has the conversation now. */
  newOwnerId: string | null;
  /** closed, handed_back, unassigned, transferred: who had it, and for how long. */
  endedOwnerId: string | null;
  handleMs: number | null;
  /** claimed: how long the conversation waited for a person (since it escalated or returned to the queue). */
  waitMs: number | null;
  /** escalated: the topic of the bot's latest reply, and the customer's latest words. */
  topic: string | null;
  question: string | null;
  /** escalated: the signals of its reasons. */
  signals: string[];
}

/** What the adapter looked up about the conversation when the event is written. */
export interface EventContext {
  conversation: { siteKey: string; createdAt: string; lastCustomerText: string | null } | null;
  /** The conversation's latest earlier event of the kinds in `OWNERSHIP_KINDS`, with its facts. */
  previous: { kind: TimelineKind; at: string; newOwnerId: string | null } | null;
  /** The topic of the conversation's latest bot message. */
  latestBotTopic: string | null;
}

/** The events that move a conversation between the queue, an agent and the bot. */
export const OWNERSHIP_KINDS: readonly TimelineKind[] = [
  'escalated',
  'claimed',
  'transferred',
  'handed_back',
  'unassigned',
  'closed',
];

const ENDS_OWNERSHIP: readonly TimelineKind[] = ['closed', 'handed_back', 'unassigned', 'transferred'];
const STARTS_WAIT: readonly TimelineKind[] = ['escalated', 'unassigned'];

export function deriveEventFacts(event: TimelineEvent, context: EventContext): EventFacts {
  const { previous, conversation } = context;
  const since = (earlier: string) => Math.max(0, Date.parse(event.at) - Date.parse(earlier));
  const owned = previous !== null && previous.newOwnerId !== null && ENDS_OWNERSHIP.includes(event.kind);
  const waited = event.kind === 'claimed' && previous !== null && STARTS_WAIT.includes(previous.kind);
  return {
    kind: event.kind,
    siteKey: conversation?.siteKey ?? null,
    conversationCreatedAt: conversation?.createdAt ?? null,
    actorId: event.actor?.id ?? null,
    newOwnerId:
      event.kind === 'claimed'
        ? (event.actor?.id ?? null)
        : event.kind === 'transferred'
          ? (event.to?.id ?? null)
          : null,
    endedOwnerId: owned ? previous.newOwnerId : null,
    handleMs: owned ? since(previous.at) : null,
    waitMs: waited ? since(previous.at) : null,
    topic: event.kind === 'escalated' ? context.latestBotTopic : null,
    question: event.kind === 'escalated' ? (conversation?.lastCustomerText ?? null) : null,
    signals: event.kind === 'escalated' ? [...new Set((event.reasons ?? []).map((r) => r.signal))] : [],
  };
}
