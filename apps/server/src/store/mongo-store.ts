import { createMongoAccounts } from './mongo-accounts';
import { createMongoAnalytics } from './mongo-analytics';
import { createMongoArticles } from './mongo-articles';
import { createMongoCannedResponses } from './mongo-canned-responses';
import { openMongoConnection, pingMongo } from './mongo-connection';
import { createMongoConversations } from './mongo-conversations';
import { createMongoCorrections } from './mongo-corrections';
import { createMongoMessages } from './mongo-messages';
import { createMongoModels } from './mongo-models';
import { createMongoOperations } from './mongo-operations';
import { createMongoQueue } from './mongo-queue';
import { createMongoReviewItems } from './mongo-review-items';
import { createMongoSearch } from './mongo-search';
import { createMongoSettings } from './mongo-settings';
import { createMongoSiteKeys } from './mongo-site-keys';
import { createMongoTimeline } from './mongo-timeline';
import { createMongoVisitors } from './mongo-visitors';
import { createMongoWaitingWork } from './mongo-waiting-work';
import { createKeyedQueue } from './mongo-write-queue';
import type { Store } from './store';

export interface MongoStoreOptions {
  /** A MongoDB connection string (replica set, Atlas, or FerretDB for tests). */
  uri: string;
  /** Overrides the database named in the URI. */
  dbName?: string;
}

/**
 * The MongoDB store, on a connection of its own; collections and indexes are created on open.
 *
 * It uses neither multi-document transactions nor change streams: FerretDB v1, which the tests
 * run against, supports neither, and a MongoDB standalone has no transactions either. Each method
 * is one atomic document operation or, for `appendMessage`, a sequence whose commit point is one
 * insert guarded by unique indexes (see `mongo-messages.ts`); `appendMessageIf` reserves its seq with
 * one conditional update of the conversation, then inserts (see `mongo-guarded-append.ts`).
 */
export async function createMongoStore(options: MongoStoreOptions): Promise<Store> {
  const connection = await openMongoConnection(options.uri, options.dbName);
  const serialize = createKeyedQueue();
  let models: Awaited<ReturnType<typeof createMongoModels>>;
  let reviewItems: Awaited<ReturnType<typeof createMongoReviewItems>>;
  let search: Awaited<ReturnType<typeof createMongoSearch>>;
  let siteKeys: Awaited<ReturnType<typeof createMongoSiteKeys>>;
  let canned: Awaited<ReturnType<typeof createMongoCannedResponses>>;
  let queue: Awaited<ReturnType<typeof createMongoQueue>>;
  try {
    models = await createMongoModels(connection);
    reviewItems = await createMongoReviewItems(connection, models, serialize);
    search = await createMongoSearch(models);
    siteKeys = await createMongoSiteKeys(connection);
    canned = await createMongoCannedResponses(connection);
    queue = await createMongoQueue(models);
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
  const openStreams = new Set<() => void>();
  let closed = false;

  return {
    kind: 'mongo',
    ...createMongoConversations(models, serialize),
    ...search,
    ...createMongoMessages(models, serialize),
    ...createMongoCorrections(models, openStreams),
    ...createMongoAccounts(models),
    ...createMongoSettings(models),
    ...siteKeys,
    ...createMongoOperations(models),
    ...createMongoTimeline(models),
    ...queue,
    ...createMongoAnalytics(connection),
    ...reviewItems,
    ...createMongoVisitors(models, serialize),
    ...createMongoWaitingWork(models),

    ...createMongoArticles(models, serialize),
    ...canned,

    async ping() {
      await pingMongo(connection);
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const stop of [...openStreams]) stop();
      openStreams.clear();
      await connection.close();
    },
  };
}
