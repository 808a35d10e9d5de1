import { createSqliteAccounts } from './sqlite-accounts';
import { createSqliteAnalytics } from './sqlite-analytics';
import { createSqliteArticles } from './sqlite-articles';
import { createSqliteAssignments } from './sqlite-assignments';
import { createSqliteCannedResponses } from './sqlite-canned-responses';
import { createSqliteConversations } from './sqlite-conversations';
import { createSqliteCorrections } from './sqlite-corrections';
import { IN_MEMORY, openDatabase, statementCache } from './sqlite-database';
import { createSqliteOperations } from './sqlite-operations';
import { createSqliteQueue } from './sqlite-queue';
import { createSqliteReviewItems } from './sqlite-review-items';
import { createSqliteSearch } from './sqlite-search';
import { createSqliteSettings } from './sqlite-settings';
import { createSqliteSiteKeys } from './sqlite-site-keys';
import { createSqliteTimeline } from './sqlite-timeline';
import { createSqliteVisitors } from './sqlite-visitors';
import { createSqliteWaitingWork } from './sqlite-waiting-work';
import { createWriteBatcher } from './sqlite-write-batcher';
import type { Store } from './store';

/**
 * The embedded store: one SQLite file (or `:memory:` for tests), created and migrated on open.
 * better-sqlite3 is synchronous, so each method runs to completion before another starts; the
 * transactions still matter for atomicity against crashes and against other processes. Appends and
 * conversation creations are the exception: they wait for the group commit at the end of the event-loop
 * turn (`sqlite-write-batcher.ts`), which runs them together, in the order asked, in one transaction.
 */
export async function createSqliteStore(options: { file: string }): Promise<Store> {
  const db = openDatabase(options.file);
  const sql = statementCache(db);
  const batcher = createWriteBatcher(db);
  const openStreams = new Set<() => void>();
  const streamFrom = options.file === IN_MEMORY ? null : options.file;
  let closed = false;

  return {
    kind: 'sqlite',
    ...createSqliteConversations(sql, batcher.run),
    ...createSqliteAssignments(db, sql),
    ...createSqliteSearch(sql),
    ...createSqliteCorrections(db, sql, streamFrom, openStreams),
    ...createSqliteAccounts(sql, db),
    ...createSqliteSettings(sql),
    ...createSqliteSiteKeys(sql),
    ...createSqliteOperations(sql),
    ...createSqliteTimeline(sql),
    ...createSqliteQueue(sql),
    ...createSqliteReviewItems(sql),
    ...createSqliteVisitors(sql),
    ...createSqliteWaitingWork(sql),

    ...createSqliteArticles(sql),
    ...createSqliteCannedResponses(sql),
    ...createSqliteAnalytics(sql),

    async ping() {
      sql('SELECT 1').get();
    },

    async close() {
      if (closed) return;
      closed = true;
      // Appends already asked for are committed (and their callers answered) before the file closes.
      batcher.flush();
      for (const stop of [...openStreams]) stop();
      openStreams.clear();
      db.close();
    },
  };
}
