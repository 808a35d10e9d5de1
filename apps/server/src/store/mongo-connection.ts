import mongoose, { type Connection } from 'mongoose';
import { StoreConflictError } from './store-errors';

/** How long to look for a server before a call fails, rather than hanging a request. */
const SERVER_SELECTION_TIMEOUT_MS = 10_000;

/**
 * Opens a dedicated connection (never the global mongoose one) with the settings every part of
 * the store relies on:
 * - writes are acknowledged by a majority and journaled, so "acked" means stored;
 * - query filters are sanitised: an object smuggled in where a value belongs is compared as a
 *   value (`$eq`), never run as an operator; the store marks its own operators `mongoose.trusted`;
 * - no command buffering: a call on a closed or unreachable connection fails instead of waiting;
 * - indexes and collections are created explicitly at open, not lazily by mongoose.
 */
export async function openMongoConnection(uri: string, dbName?: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    ...(dbName === undefined ? {} : { dbName }),
    autoIndex: false,
    autoCreate: false,
    bufferCommands: false,
    sanitizeFilter: true,
    serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
    writeConcern: { w: 'majority', journal: true },
  });
  try {
    return await connection.asPromise();
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
}

/** Runs the `ping` admin command: a cheap round trip that proves the server answers. */
export async function pingMongo(connection: Connection): Promise<void> {
  await connection.getClient().db('admin').command({ ping: 1 });
}

/** A write that collided with a unique index (`E11000`), whichever index it was. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}

/** Runs an insert, turning a unique-index collision into the port's `StoreConflictError`. */
export async function insertOrConflict(
  insert: () => Promise<unknown>,
  conflict: { entity: string; key: string },
): Promise<void> {
  try {
    await insert();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new StoreConflictError(conflict.entity, conflict.key);
    throw error;
  }
}
