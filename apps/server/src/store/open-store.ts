import { mkdirSync } from 'node:fs';
import type { Config } from '../config';
import type { Store } from './store';

/**
 * The configured store: MongoDB when MONGODB_URI is set, else the embedded SQLite file. Only the
 * adapter in use is loaded, so the CLI (a long export keeps its memory for the rows) does not pull in
 * the server or the other adapter.
 */
export async function openStore(config: Config): Promise<Store> {
  if (config.MONGODB_URI) {
    const { createMongoStore } = await import('./mongo-store');
    return createMongoStore({ uri: config.MONGODB_URI });
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  const { createSqliteStore } = await import('./sqlite-store');
  return createSqliteStore({ file: config.databaseFile });
}
