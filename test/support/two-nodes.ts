import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRedis } from './redis-server';
import { type ServerProcess, startServerProcess } from './server-process';

export interface TwoNodes {
  nodeA: ServerProcess;
  nodeB: ServerProcess;
  /** The data folder both share (one SQLite file in WAL mode). */
  dataDir: string;
  /** Disconnects the tracked clients, stops both nodes and Redis, removes the data. */
  stop(): Promise<void>;
  /** Keeps a client to disconnect at `stop`. */
  track<T extends { disconnect(): void }>(client: T): T;
}

/**
 * Two real server processes on one data folder and one Redis, with one secret and one first admin, as a
 * multi-node deployment runs them. Started one after the other: the first creates the admin, the second finds it.
 */
export async function startTwoNodes(
  adminPassword: string,
  env: Record<string, string> = {},
): Promise<TwoNodes> {
  const redis = await startRedis();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hitl-nodes-'));
  const shared = {
    DATA_DIR: dataDir,
    REDIS_URL: redis.url,
    SECRET: 'shared-secret-of-both-nodes-0123456789',
    ADMIN_PASSWORD: adminPassword,
    // Every client of these tests comes from 127.0.0.1: a suite of them opens more widget sessions a minute
    // than one address may (rate limits are tested in rate-limits.test.ts).
    RATE_LIMIT_WIDGET_SESSION_IP: 'off',
    ...env,
  };
  const nodeA = await startServerProcess(shared);
  const nodeB = await startServerProcess(shared);
  const clients: { disconnect(): void }[] = [];
  return {
    nodeA,
    nodeB,
    dataDir,
    track(client) {
      clients.push(client);
      return client;
    },
    async stop() {
      for (const c of clients) c.disconnect();
      await Promise.allSettled([nodeA.stop(), nodeB.stop()]);
      await redis.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
