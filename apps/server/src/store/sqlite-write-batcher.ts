import type Database from 'better-sqlite3';

/**
 * Runs `write` inside the next group commit; resolves with its result once that commit is durable. `key`
 * (a conversation id) orders the callers: see `settle`.
 */
export type GroupCommit = <T>(write: () => T, key?: string) => Promise<T>;

export interface WriteBatcher {
  run: GroupCommit;
  /** Commits whatever is waiting now (before the database closes). */
  flush(): void;
}

interface Pending {
  write: () => unknown;
  key: string | undefined;
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
  const control = controlStatements(db);

  const flush = () => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      control.begin.run();
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
        outcomes.push({ ok: true, value: inSavepoint(db, control, item.write) });
      } catch (error) {
        outcomes.push({ ok: false, value: error });
      }
    }
    try {
      if (!db.inTransaction) throw new Error('group commit aborted');
      control.commit.run();
    } catch (error) {
      if (db.inTransaction) control.rollback.run();
      for (const item of batch) item.reject(error);
      return;
    }
    settle(batch, outcomes);
  };

  return {
    run<T>(write: () => T, key?: string): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        // setImmediate runs after the I/O callbacks of this turn: every message read from the sockets in
        // it joins the same commit, and a lone write waits for no timer.
        if (pending.length === 0) setImmediate(flush);
        pending.push({ write, key, resolve: resolve as (value: unknown) => void, reject });
      });
    },
    flush,
  };
}

/**
 * Answers the callers of a committed batch in waves: the first write of each key (conversation) at once, the
 * second of a key after the first's caller has had a turn of the event loop, and so on. Callers then tell
 * clients in seq order: a caller that reads once more before it notifies (the bot's guarded append) is not
 * overtaken by the next message of the same conversation, so a client never gets a later seq before an
 * earlier one — which a crash between the two broadcasts would turn into a gap after its catch-up by seq.
 * Writes of different conversations, the usual batch, are all answered in the first wave.
 */
function settle(batch: Pending[], outcomes: { ok: boolean; value: unknown }[]): void {
  const waves: [Pending, { ok: boolean; value: unknown }][][] = [];
  const seen = new Map<string, number>();
  batch.forEach((item, index) => {
    const wave = item.key === undefined ? 0 : (seen.get(item.key) ?? 0);
    if (item.key !== undefined) seen.set(item.key, wave + 1);
    const members = waves[wave] ?? [];
    members.push([item, outcomes[index] as { ok: boolean; value: unknown }]);
    waves[wave] = members;
  });
  const answer = (wave: number) => {
    for (const [item, outcome] of waves[wave] ?? []) {
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.value);
    }
    if (wave + 1 < waves.length) setImmediate(() => answer(wave + 1));
  };
  answer(0);
}

type ControlStatements = Record<
  'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo',
  Database.Statement
>;

/**
 * The transaction-control statements, prepared once: run through `db.exec` they were parsed at every
 * write, and the savepoint pair alone cost twice the commits (fsync included) in the realtime benchmark's
 * profile. `db.transaction` prepares its own the same way.
 */
function controlStatements(db: Database.Database): ControlStatements {
  return {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    savepoint: db.prepare('SAVEPOINT batch_item'),
    release: db.prepare('RELEASE batch_item'),
    rollbackTo: db.prepare('ROLLBACK TO batch_item'),
  };
}

/** A savepoint around one write: rolled back alone when it throws. */
function inSavepoint<T>(db: Database.Database, control: ControlStatements, write: () => T): T {
  control.savepoint.run();
  try {
    const value = write();
    control.release.run();
    return value;
  } catch (error) {
    if (db.inTransaction) {
      control.rollbackTo.run();
      control.release.run();
    }
    throw error;
  }
}
