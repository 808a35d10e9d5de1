import { escalationSignals } from '@hitl/shared/models';
import { severityRank, severityTiers } from '@hitl/shared/queue-priority';
import type { Sql } from './sqlite-database';
import type { QueueMethods } from './store';

/**
 * The queue's severity rank of a conversation row, computed from its reasons in SQL with the shared
 * signal → tier table (so the order is the console's, and a new signal needs no migration).
 */
const RANK_SQL = `COALESCE((SELECT MIN(CASE json_extract(r.value, '$.signal') ${escalationSignals
  .map((signal) => `WHEN '${signal}' THEN ${severityRank([{ signal }])}`)
  .join(' ')} ELSE ${severityTiers.length} END) FROM json_each(c.reasons) r), ${severityTiers.length})`;

export function createSqliteQueue(sql: Sql): QueueMethods {
  return {
    async listQueue(siteKey, limit) {
      const rows = sql<{ id: string; visitor_id: string }>(
        `SELECT c.id, c.visitor_id FROM conversations c
         WHERE c.site_key = @siteKey AND c.state = 'queued'
         ORDER BY ${RANK_SQL}, COALESCE(c.escalated_at, c.updated_at), c.id
         LIMIT @limit`,
      ).all({ siteKey, limit });
      return rows.map((row) => ({ conversationId: row.id, visitorId: row.visitor_id }));
    },

    async listTakeoverWaits(siteKey, since, limit) {
      const rows = sql<{ waited_ms: number }>(
        `SELECT waited_ms FROM conversation_events
         WHERE site_key = @siteKey AND waited_ms IS NOT NULL AND at >= @since
         ORDER BY at DESC, id DESC LIMIT @limit`,
      ).all({ siteKey, since, limit });
      return rows.map((row) => row.waited_ms);
    },
  };
}
