import type Database from 'better-sqlite3';
import { transitionNow } from './sqlite-conversations';
import type { Sql } from './sqlite-database';
import type { ConversationRow } from './sqlite-rows';
import type { AssignmentGuard, ConversationMethods, ConversationPatch } from './store';

type AssignmentMethods = Pick<ConversationMethods, 'assignConversation' | 'countOwnedConversations'>;

/**
 * Assignments under a per-agent limit. The count and the conditional update run in one IMMEDIATE
 * transaction: the write lock is taken before counting, so two processes sharing the file cannot both
 * see room for one more. What an agent owns is read from the conversations themselves, so a release
 * (hand-back, close…) frees a place without a second write.
 */
export function createSqliteAssignments(db: Database.Database, sql: Sql): AssignmentMethods {
  const assign = db.transaction(
    (
      id: string,
      from: readonly ConversationRow['state'][],
      patch: ConversationPatch,
      guard: AssignmentGuard,
    ) => {
      const assigneeId = patch.assignee?.id ?? null;
      if (guard.maxOpen !== null && assigneeId !== null) {
        const owned = sql<{ n: number }>(
          `SELECT COUNT(*) AS n FROM conversations
           WHERE state = 'agent' AND assignee_id = @assigneeId AND id <> @id`,
        ).get({ assigneeId, id });
        if ((owned?.n ?? 0) >= guard.maxOpen) {
          const current = sql<Pick<ConversationRow, 'state' | 'assignee_id'>>(
            'SELECT state, assignee_id FROM conversations WHERE id = @id',
          ).get({ id });
          const applies =
            current !== undefined &&
            from.includes(current.state) &&
            (guard.assigneeId === undefined || current.assignee_id === guard.assigneeId);
          return applies ? ('at_capacity' as const) : null;
        }
      }
      return transitionNow(sql, id, from, patch, guard.assigneeId);
    },
  );

  return {
    async assignConversation(id, from, patch, guard) {
      return assign.immediate(id, from, patch, guard);
    },

    async countOwnedConversations() {
      const rows = sql<{ assignee_id: string; n: number }>(
        `SELECT assignee_id, COUNT(*) AS n FROM conversations
         WHERE state = 'agent' AND assignee_id IS NOT NULL GROUP BY assignee_id`,
      ).all({});
      return Object.fromEntries(rows.map((row) => [row.assignee_id, row.n]));
    },
  };
}
