import type { Sql } from './sqlite-database';
import type { WaitingWorkMethods } from './store';

/** Counts from indexes: the queue by `conversations_by_state`, pending drafts by `messages_pending_drafts`. */
export function createSqliteWaitingWork(sql: Sql): WaitingWorkMethods {
  return {
    async countWaitingWork() {
      const queue = sql<{ queued: number; oldest: string | null }>(
        `SELECT COUNT(*) AS queued, MIN(COALESCE(escalated_at, updated_at)) AS oldest
         FROM conversations WHERE state = 'queued'`,
      ).get() ?? { queued: 0, oldest: null };
      const drafts = sql<{ pending: number }>(
        `SELECT COUNT(*) AS pending FROM messages WHERE json_extract(draft, '$.status') = 'pending'`,
      ).get();
      return { queued: queue.queued, oldestQueuedSince: queue.oldest, pendingDrafts: drafts?.pending ?? 0 };
    },
  };
}
