import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Agent, AgentRole } from '@hitl/shared/models';
import type { Socket } from 'socket.io-client';
import { type App, createApp } from '../../apps/server/src/app';
import { buildResponder } from '../../apps/server/src/boot';
import { type Config, loadConfig } from '../../apps/server/src/config';
import type { Clock } from '../../apps/server/src/lib/clock';
import { createId } from '../../apps/server/src/lib/ids';
import { silentLogger } from '../../apps/server/src/lib/logger';
import type { Responder } from '../../apps/server/src/responder/responder';
import { hashPassword } from '../../apps/server/src/services/auth/password';
import { seedCannedResponses } from '../../apps/server/src/services/canned/seed-canned-responses';
import { loadActivePolicy } from '../../apps/server/src/services/policy-state';
import { createMongoStore } from '../../apps/server/src/store/mongo-store';
import { createSqliteStore } from '../../apps/server/src/store/sqlite-store';
import type { Store } from '../../apps/server/src/store/store';
import {
  type AgentClient,
  connectAgentSocket,
  connectWidgetSocket,
  loginAgentOver,
  openVisitorSession,
  type WidgetClient,
} from './clients';
import { startMongoForTests } from './ferretdb';
import type { StoreKind } from './store-kinds';

export type { AgentClient, WidgetClient } from './clients';
export { connected } from './clients';

export interface TestServer {
  url: string;
  app: App;
  store: Store;
  config: Config;
  dataDir: string;
  /** Creates an agent and logs in over HTTP; returns the session token. */
  createAgent(options?: {
    name?: string;
    role?: AgentRole;
    email?: string;
  }): Promise<{ agent: Agent; token: string }>;
  /** A visitor session over HTTP, then a connected /widget socket. */
  connectVisitor(options?: {
    token?: string;
  }): Promise<{ socket: WidgetClient; token: string; visitorId: string }>;
  connectAgent(token: string): Promise<AgentClient>;
  /**
   * Waits until the work already started has finished (every queued bot turn and customer send has run),
   * then makes one round trip on each widget socket, so every event that work emitted has arrived. What
   * did not happen by then did not happen at all: the way to show silence without sleeping.
   */
  settle(...widgets: WidgetClient[]): Promise<void>;
  close(): Promise<void>;
}

export const AGENT_PASSWORD = 'correct-horse-battery';
/** Signs the test server's visitor tokens. */
export const TEST_SECRET = 'test-secret-'.padEnd(40, 'x');

/** A real server on port 0 with a real SQLite store in a temporary folder and the real offline responder. */
export async function startTestServer(
  env: Record<string, string> = {},
  options: {
    responder?: (config: Config, store: Store) => Promise<Responder>;
    dataDir?: string;
    store?: StoreKind;
    /** The server's clock (sessions, tokens, timestamps); the system clock by default. */
    clock?: Clock;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'hitl-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env });
  const mongo = options.store === 'mongo' ? await startMongoForTests() : null;
  const store = mongo
    ? await createMongoStore({ uri: mongo.uri, dbName: `hitl_${createId('t')}` })
    : await createSqliteStore({ file: config.databaseFile });
  // As `bootServer` does: a new team starts with a few canned responses.
  await seedCannedResponses(store, new Date().toISOString());
  const responder = await (options.responder ?? buildResponder)(config, store);
  const policy = await loadActivePolicy(store, config, silentLogger);
  const app = createApp({
    config,
    store,
    responder,
    policy,
    logger: silentLogger,
    secret: TEST_SECRET,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const { port } = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const sockets: Socket[] = [];

  const server: TestServer = {
    url,
    app,
    store,
    config,
    dataDir,
    async createAgent({ name = 'Alex Agent', role = 'agent', email } = {}) {
      const address = email ?? `${createId('a')}@example.com`.toLowerCase();
      await store.createAgent({
        id: createId('agt'),
        email: address,
        name,
        role,
        passwordHash: await hashPassword(AGENT_PASSWORD),
        createdAt: new Date().toISOString(),
      });
      return loginAgentOver(url, address, AGENT_PASSWORD);
    },
    async connectVisitor({ token } = {}) {
      const session = await openVisitorSession(url, token);
      const socket = await connectWidgetSocket(url, session.token);
      sockets.push(socket as Socket);
      return { socket, token: session.token, visitorId: session.visitorId };
    },
    async connectAgent(token) {
      const socket = await connectAgentSocket(url, token);
      sockets.push(socket as Socket);
      return socket;
    },
    async settle(...widgets) {
      await app.ctx.visitorQueue.drain();
      await app.ctx.botTurnQueue.drain();
      await app.ctx.conversationQueue.drain();
      // Events on one socket arrive in the order they were sent, so an answered request comes after them.
      for (const widget of widgets) await widget.emitWithAck('conversation:sync', { afterSeq: 0 });
    },
    async close() {
      for (const s of sockets) s.disconnect();
      await app.close();
      await responder.close?.();
      await store.close();
      await mongo?.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
