import type { TimelineEvent } from '@hitl/shared/conversation-timeline';
import type { Sql } from './sqlite-database';
import type { TimelineMethods } from './store';

/** The timeline, one row per event, the event itself as JSON (read back only whole). */
export function createSqliteTimeline(sql: Sql): TimelineMethods {
  return {
    async appendConversationEvent(event) {
      sql(
        `INSERT INTO conversation_events (id, conversation_id, at, event, site_key, waited_ms)
         VALUES (@id, @conversationId, @at, @event,
           CASE WHEN @waitedMs IS NULL THEN NULL
             ELSE (SELECT site_key FROM conversations WHERE id = @conversationId) END,
           @waitedMs)
         ON CONFLICT (id) DO NOTHING`,
      ).run({
        id: event.id,
        conversationId: event.conversationId,
        at: event.at,
        event: JSON.stringify(event),
        // A takeover's wait and site are columns of their own, so the queue's estimate is one indexed query.
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
