import type Database from 'better-sqlite3';

/** Runs `write` inside the next group commit; resolves with its result once that commit is durable. */
export type GroupCommit = <T>(write: () => T) => Promise<T>;

export interface WriteBatcher {
  run: GroupCommit;
  /** Commits whatever is waiting now (before the database closes). */
  flush(): void;
}

interface Pending {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit. With `synchronous = FULL` every transaction ends in an fsync, and one message per
 * transaction made the disk the ceiling (one fsync per message, on the event loop). Writes asked for
 * during one event-loop turn are collected and run in one IMMEDIATE transaction, so they share one
 * commit and one fsync; each caller's promise settles only after that COMMIT returned, so acked still
 * means on disk.
 *
 * Each write runs in a savepoint of its own (`db.transaction` functions nest as savepoints), so one that
 * throws — a failed precondition, a duplicate id — is rolled back alone and the others commit. Writes run
 * in the order they were asked for, so two appends to one conversation keep their order. The transaction
 * is opened and committed in one synchronous step: no other statement of this connection can run inside it.
 */
export function createWriteBatcher(db: Database.Database): WriteBatcher {
  let pending: Pending[] = [];

  const flush = () => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    for (const item of batch) {
      if (!db.inTransaction) {
        // SQLite ended the whole transaction (an I/O error, a full disk): nothing after it may run outside.
        outcomes.push({ ok: false, value: new Error('group commit aborted') });
        continue;
      }
      try {
        outcomes.push({ ok: true, value: inSavepoint(db, item.write) });
      } catch (error) {
        outcomes.push({ ok: false, value: error });
      }
    }
    try {
      if (!db.inTransaction) throw new Error('group commit aborted');
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, index) => {
      const outcome = outcomes[index] as { ok: boolean; value: unknown };
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.value);
    });
  };

  return {
    run<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        // setImmediate runs after the I/O callbacks of this turn: every message read from the sockets in
        // it joins the same commit, and a lone write waits for no timer.
        if (pending.length === 0) setImmediate(flush);
        pending.push({ write, resolve: resolve as (value: unknown) => void, reject });
      });
    },
    flush,
  };
}

/** A savepoint around one write: rolled back alone when it throws. */
function inSavepoint<T>(db: Database.Database, write: () => T): T {
  db.exec('SAVEPOINT batch_item');
  try {
    const value = write();
    db.exec('RELEASE batch_item');
    return value;
  } catch (error) {
    if (db.inTransaction) {
      db.exec('ROLLBACK TO batch_item');
      db.exec('RELEASE batch_item');
    }
    throw error;
  }
}
