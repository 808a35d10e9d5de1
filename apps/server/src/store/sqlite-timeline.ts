import type { TimelineEvent } from '@hitl/shared/conversation-timeline';
import type { Sql } from './sqlite-database';
import type { TimelineMethods } from './store';

/** The timeline, one row per event, the event itself as JSON (read back only whole). */
export function createSqliteTimeline(sql: Sql): TimelineMethods {
  return {
    async appendConversationEvent(event) {
      sql(
        `INSERT INTO conversation_events (id, conversation_id, at, event) VALUES (@id, @conversationId, @at, @event)
         ON CONFLICT (id) DO NOTHING`,
      ).run({
        id: event.id,
        conversationId: event.conversationId,
        at: event.at,
        event: JSON.stringify(event),
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
