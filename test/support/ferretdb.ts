import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openMongoConnection, pingMongo } from '../../apps/server/src/store/mongo-connection';

export interface TestMongo {
  /** A connection string naming a database of its own. */
  uri: string;
  stop(): Promise<void>;
}

const FERRETDB_VERSION = 'v1.24.1';
const DEFAULT_BIN = path.join(os.homedir(), '.cache/hitl-support/bin/ferretdb');
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * A MongoDB-compatible server for tests. With `MONGODB_URI` set, that server is used, with a fresh
 * database (dropped on stop). Otherwise a private FerretDB v1 is started from `FERRETDB_BIN` (default
 * `~/.cache/hitl-support/bin/ferretdb`) on a free port, storing in SQLite under a fresh temp dir that
 * is removed on stop.
 *
 * Building FerretDB: `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.1` yields a binary
 * that panics at start (the module lacks the generated `build/version/version.txt`). Build from a
 * writable copy of the module instead:
 *   go mod download -json github.com/FerretDB/FerretDB@v1.24.1   # prints "Dir"
 *   cp -r <Dir> /tmp/ferretdb && chmod -R u+w /tmp/ferretdb && cd /tmp/ferretdb
 *   echo v1.24.1 > build/version/version.txt
 *   go build -o ~/.cache/hitl-support/bin/ferretdb ./cmd/ferretdb
 */
export async function startMongoForTests(): Promise<TestMongo> {
  const external = process.env.MONGODB_URI;
  if (external !== undefined && external !== '') return useExternalMongo(external);
  return startFerretDb(process.env.FERRETDB_BIN ?? DEFAULT_BIN);
}

async function useExternalMongo(uri: string): Promise<TestMongo> {
  const dbName = `hitl_test_${randomBytes(6).toString('hex')}`;
  const scoped = withDatabase(uri, dbName);
  const connection = await openMongoConnection(scoped);
  await pingMongo(connection);
  return {
    uri: scoped,
    async stop() {
      try {
        await connection.dropDatabase();
      } finally {
        await connection.close();
      }
    },
  };
}

async function startFerretDb(bin: string): Promise<TestMongo> {
  try {
    await access(bin, constants.X_OK);
  } catch {
    throw new Error(
      `No MongoDB for tests: MONGODB_URI is not set and there is no FerretDB binary at ${bin}. ` +
        `Set MONGODB_URI to a MongoDB server, or build FerretDB ${FERRETDB_VERSION} there ` +
        '(or point FERRETDB_BIN at one); test/support/ferretdb.ts says how.',
    );
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hitl-ferretdb-'));
  await mkdir(path.join(dir, 'data'));
  const port = await freePort();
  const child = spawn(
    bin,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/data/`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const output = tail(child);
  let spawnError: Error | null = null;
  child.once('error', (error) => {
    spawnError = error;
  });
  const exitReason = () => {
    if (spawnError !== null) return spawnError.message;
    if (child.exitCode !== null) return `exit code ${child.exitCode}`;
    return child.signalCode;
  };
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  };

  const uri = `mongodb://127.0.0.1:${port}/hitl_test`;
  try {
    await waitUntilServing(port, exitReason, output);
    const connection = await openMongoConnection(uri);
    try {
      await pingMongo(connection);
    } finally {
      await connection.close();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { uri, stop };
}

/** Polls the port until FerretDB accepts connections; fails early, with its output, if it exits. */
async function waitUntilServing(
  port: number,
  exitReason: () => string | null,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const reason = exitReason();
    if (reason !== null) throw new Error(`FerretDB stopped during start-up (${reason}):\n${output()}`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`FerretDB did not accept connections within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address === null || typeof address === 'string') reject(new Error('no port assigned'));
        else resolve(address.port);
      });
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** The last few KB the process wrote to stderr, for error messages. */
function tail(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    text = (text + chunk).slice(-4096);
  });
  return () => text.trim() || '(no output)';
}

/**
 * The same connection string naming another database. The database in the path is also where
 * credentials are checked by default, so when there are credentials and no `authSource`, the
 * original one is kept explicitly.
 */
function withDatabase(uri: string, dbName: string): string {
  const hostsStart = uri.indexOf('://');
  if (hostsStart < 0) throw new Error('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  const queryStart = uri.indexOf('?', hostsStart);
  const base = queryStart < 0 ? uri : uri.slice(0, queryStart);
  const params = new URLSearchParams(queryStart < 0 ? '' : uri.slice(queryStart + 1));
  const pathStart = base.indexOf('/', hostsStart + 3);
  const hosts = pathStart < 0 ? base : base.slice(0, pathStart);
  const previous = pathStart < 0 ? '' : decodeURIComponent(base.slice(pathStart + 1));
  if (hosts.includes('@') && !params.has('authSource')) params.set('authSource', previous || 'admin');
  const query = params.toString();
  return `${hosts}/${dbName}${query === '' ? '' : `?${query}`}`;
}
