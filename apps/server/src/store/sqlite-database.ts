import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from './sqlite-migrations';
import { StoreConflictError, StoreNotFoundError } from './store-errors';

export type SqlValue = string | number | bigint | null;
export type SqlParams = Record<string, SqlValue>;
export type SqlStatement<Row> = Database.Statement<[SqlParams?], Row>;
/** Returns the prepared statement for a SQL text, typed with the row it yields. */
export type Sql = <Row>(text: string) => SqlStatement<Row>;

export const IN_MEMORY = ':memory:';
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating if needed) and migrates the database. WAL lets readers run beside the writer;
 * `synchronous = FULL` makes every commit durable before it returns, which is what lets the server
 * ack a message as stored.
 */
export function openDatabase(file: string): Database.Database {
  if (file !== IN_MEMORY) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    applyMigrations(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A second, read-only connection on the same file. A cursor held open on the main connection would
 * block every write until it is drained; this one reads a snapshot while writes go on.
 */
export function openReader(file: string): Database.Database {
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  reader.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return reader;
}

/** Prepares each distinct SQL text once per connection. */
export function statementCache(db: Database.Database): Sql {
  const cache = new Map<string, SqlStatement<unknown>>();
  return <Row>(sql: string) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = db.prepare<[SqlParams?], unknown>(sql);
      cache.set(sql, statement);
    }
    return statement as SqlStatement<Row>;
  };
}

/**
 * Runs a write and turns SQLite constraint failures into the port's errors: a duplicate key into
 * `StoreConflictError`, a dangling reference into `StoreNotFoundError`.
 */
export function mapConstraints<T>(
  write: () => T,
  conflict: { entity: string; key: string },
  missing?: { entity: string; id: string },
): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof Database.SqliteError) {
      if (error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new StoreConflictError(conflict.entity, conflict.key);
      }
      if (error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' && missing !== undefined) {
        throw new StoreNotFoundError(missing.entity, missing.id);
      }
    }
    throw error;
  }
}
