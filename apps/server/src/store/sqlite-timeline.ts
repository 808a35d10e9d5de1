import type { TimelineEvent, TimelineKind } from '@hitl/shared/conversation-timeline';
import { deriveEventFacts, type EventContext, OWNERSHIP_KINDS } from './analytics-event-facts';
import type { Sql } from './sqlite-database';
import type { TimelineMethods } from './store';

const ownershipKinds = OWNERSHIP_KINDS.map((kind) => `'${kind}'`).join(', ');

/**
 * The timeline, one row per event, the event itself as JSON (read back only whole), beside the facts the
 * analytics queries count (`analytics-event-facts.ts`).
 */
export function createSqliteTimeline(sql: Sql): TimelineMethods {
  const contextOf = (event: TimelineEvent): EventContext => {
    const conversation = sql<{ siteKey: string; createdAt: string; lastCustomerText: string | null }>(
      `SELECT site_key AS siteKey, created_at AS createdAt, last_customer_text AS lastCustomerText
       FROM conversations WHERE id = @id`,
    ).get({ id: event.conversationId });
    const previous = sql<{ kind: TimelineKind; at: string; newOwnerId: string | null }>(
      `SELECT kind, at, new_owner_id AS newOwnerId FROM conversation_events
       WHERE conversation_id = @conversationId AND kind IN (${ownershipKinds}) AND at <= @at AND id <> @id
       ORDER BY at DESC, id DESC LIMIT 1`,
    ).get({ conversationId: event.conversationId, at: event.at, id: event.id });
    const bot = sql<{ topic: string | null }>(
      `SELECT json_extract(bot, '$.topic') AS topic FROM messages
       WHERE conversation_id = @conversationId AND bot IS NOT NULL ORDER BY seq DESC LIMIT 1`,
    ).get({ conversationId: event.conversationId });
    return {
      conversation: conversation ?? null,
      previous: previous ?? null,
      latestBotTopic: bot?.topic ?? null,
    };
  };

  return {
    async appendConversationEvent(event) {
      const facts = deriveEventFacts(event, contextOf(event));
      sql(
        `INSERT INTO conversation_events (id, conversation_id, at, event, kind, site_key, conversation_created_at,
           actor_id, new_owner_id, ended_owner_id, handle_ms, wait_ms, topic, question, signals, waited_ms)
         VALUES (@id, @conversationId, @at, @event, @kind, @siteKey, @conversationCreatedAt,
           @actorId, @newOwnerId, @endedOwnerId, @handleMs, @waitMs, @topic, @question, @signals, @waitedMs)
         ON CONFLICT (id) DO NOTHING`,
      ).run({
        id: event.id,
        conversationId: event.conversationId,
        at: event.at,
        event: JSON.stringify(event),
        ...facts,
        signals: JSON.stringify(facts.signals),
        // A takeover's wait is a column of its own (with the site, on every event), so the queue's estimate is
        // one indexed query.
        waitedMs: event.waitedMs ?? null,
      });
    },

    async listConversationEvents(conversationId, limit) {
      const rows = sql<{ event: string }>(
        `SELECT event FROM conversation_events WHERE conversation_id = @conversationId
         ORDER BY at ASC, id ASC LIMIT @limit`,
      ).all({ conversationId, limit });
      return rows.map((row) => JSON.parse(row.event) as TimelineEvent);
    },
  };
}
