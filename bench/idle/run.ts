import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildServer } from '../../apps/server/scripts/build-server';
import { startServerProcess } from '../../test/support/server-process';

/**
 * Idle-connection benchmark: opens `--connections` idle widget connections (default 10,000; real
 * socket.io-client over WebSocket, spread over `--clients` child processes) against one server
 * process, and measures the server's resident memory before and after (`/proc/<pid>/status`) → KB per
 * connection, and the connect rate. The same clients against a bare Socket.IO server in the same run
 * give the baseline. The support server is the build output (`node apps/server/dist/main.js`, built
 * first), each connection with a visitor session of its own, as a widget page load has.
 *
 *   npx tsx bench/idle/run.ts [--connections 10000] [--clients 4] [--check]
 */
const KB_PER_CONNECTION_TARGET = 15;

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '10000' },
    clients: { type: 'string', default: '4' },
    check: { type: 'boolean', default: false },
  },
});
const connections = Number(values.connections);
const clientProcesses = Number(values.clients);
if (!Number.isInteger(connections) || connections < 1)
  throw new Error('--connections: a positive whole number');
if (!Number.isInteger(clientProcesses) || clientProcesses < 1)
  throw new Error('--clients: a positive whole number');
assertFileLimit(connections);

interface Result {
  rssBeforeMb: number;
  rssAfterMb: number;
  kbPerConnection: number;
  connectsPerSecond: number;
  connected: number;
  failed: number;
}

print(`Idle connections: ${fmt(connections)} widget sockets from ${clientProcesses} client processes`);
await buildServer();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hitl-bench-idle-'));
const serverEnv = {
  DATA_DIR: dataDir,
  PORT: '0',
  LOG_LEVEL: 'warn',
  SECRET: 'bench-idle-secret-0123456789abcdef0123',
  // One address opens every session here; the limit is for the internet.
  RATE_LIMIT_WIDGET_SESSION_IP: 'off',
};
try {
  // The visitor sessions are opened on a first server process, and the sockets connect to a second
  // one on the same data: its memory before holds no garbage of 10,000 session requests, like the
  // bare server's.
  const sessions = await startServerProcess(serverEnv, { built: true });
  const ourClients = forkClients(sessions.url);
  let ours: Result;
  try {
    await Promise.all(ourClients.map((client) => nextMessage(client, 'ready')));
    await sessions.stop();
    const server = await startServerProcess(serverEnv, { built: true });
    try {
      ours = await measure('support server', server.url, server.child, ourClients);
    } finally {
      await server.stop();
    }
  } finally {
    await closeClients(ourClients);
    await sessions.stop();
  }
  const bare = await startBareServer();
  const bareClients = forkClients(null);
  let baseline: Result;
  try {
    await Promise.all(bareClients.map((client) => nextMessage(client, 'ready')));
    baseline = await measure('bare Socket.IO', bare.url, bare.child, bareClients);
  } finally {
    await closeClients(bareClients);
    bare.child.kill('SIGTERM');
  }
  print('');
  print('                       support server   bare Socket.IO   ratio');
  print(`RSS before → after      ${mb(ours)}   ${mb(baseline)}`);
  print(
    `KB per connection      ${pad(ours.kbPerConnection.toFixed(1), 14)}   ${pad(baseline.kbPerConnection.toFixed(1), 14)}   ${(ours.kbPerConnection / baseline.kbPerConnection).toFixed(2)}  (target <= ${KB_PER_CONNECTION_TARGET})`,
  );
  print(
    `connects per second    ${pad(fmt(Math.round(ours.connectsPerSecond)), 14)}   ${pad(fmt(Math.round(baseline.connectsPerSecond)), 14)}   ${(ours.connectsPerSecond / baseline.connectsPerSecond).toFixed(2)}`,
  );
  print(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (${os.cpus().length} CPUs), Node ${process.version}`,
  );
  const missed = ours.failed > 0 || ours.kbPerConnection > KB_PER_CONNECTION_TARGET;
  if (values.check && missed) process.exitCode = 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

/** The client processes, each with its share of the connections (and their sessions, when asked). */
function forkClients(sessionUrl: string | null): ChildProcess[] {
  const share = Math.ceil(connections / clientProcesses);
  const script = fileURLToPath(new URL('./open-clients.ts', import.meta.url));
  return Array.from({ length: clientProcesses }, (_, i) => {
    const count = Math.min(share, connections - i * share);
    const args = ['--count', String(count), ...(sessionUrl ? ['--sessions', sessionUrl] : [])];
    return fork(script, args, { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  });
}

async function closeClients(clients: ChildProcess[]): Promise<void> {
  const closing = clients.filter((client) => client.exitCode === null && client.connected);
  for (const client of closing) client.send({ op: 'close' });
  await Promise.all(closing.map((client) => nextMessage(client, 'closed').catch(() => undefined)));
}

/** Opens the connections against one server process and reads its memory before and after. */
async function measure(
  name: string,
  url: string,
  server: ChildProcess,
  clients: ChildProcess[],
): Promise<Result> {
  const pid = server.pid;
  if (pid === undefined) throw new Error('the server process has no pid');
  const rssBeforeMb = await settledRssMb(pid);
  const started = performance.now();
  for (const client of clients) client.send({ op: 'connect', url });
  const done = await Promise.all(
    clients.map((client) => nextMessage<{ connected: number; failed: number }>(client, 'connected')),
  );
  const seconds = (performance.now() - started) / 1000;
  const connected = done.reduce((sum, d) => sum + d.connected, 0);
  const failed = done.reduce((sum, d) => sum + d.failed, 0);
  const rssAfterMb = await settledRssMb(pid);
  print(
    `${name}: ${fmt(connected)} connected (${failed} refused) in ${seconds.toFixed(1)} s, ` +
      `RSS ${rssBeforeMb.toFixed(1)} → ${rssAfterMb.toFixed(1)} MB`,
  );
  return {
    rssBeforeMb,
    rssAfterMb,
    kbPerConnection: ((rssAfterMb - rssBeforeMb) * 1024) / connected,
    connectsPerSecond: connected / seconds,
    connected,
    failed,
  };
}

/**
 * The process's resident memory once it stopped moving: sampled every 500 ms until two samples in a
 * row are within 1 % (garbage from the handshakes is collected by then), at most 20 samples.
 */
async function settledRssMb(pid: number): Promise<number> {
  let last = rssMb(pid);
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = rssMb(pid);
    if (Math.abs(now - last) <= last * 0.01) return now;
    last = now;
  }
  return last;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for process ${pid}`);
  return kb / 1024;
}

async function startBareServer(): Promise<{ url: string; child: ChildProcess }> {
  const script = fileURLToPath(new URL('./bare-server.mjs', import.meta.url));
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      const found = /listening on (\S+)/.exec(output)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
  return { url, child };
}

function nextMessage<T = unknown>(child: ChildProcess, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Record<string, unknown>) => {
      if (!(key in message)) return;
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`a client process exited with ${code}`)));
  });
}

/** Each connection is a file descriptor in the server (and one in a client process). */
function assertFileLimit(needed: number): void {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const soft = Number(/Max open files\s+(\d+)/.exec(limits)?.[1]);
  if (Number.isFinite(soft) && soft < needed + 1_000)
    throw new Error(
      `ulimit -n is ${soft}: raise it to at least ${needed + 1_000} (ulimit -n ${needed + 1_000})`,
    );
}

function mb(r: Result): string {
  return pad(`${r.rssBeforeMb.toFixed(0)} → ${r.rssAfterMb.toFixed(0)} MB`, 14);
}

function pad(text: string, width: number): string {
  return text.padStart(width);
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
