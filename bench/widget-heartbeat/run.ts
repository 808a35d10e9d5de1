import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { startServerProcess } from '../../test/support/server-process';

/**
 * What noticing a dead widget link within 5 s costs the server, two ways:
 *   A. the app heartbeat (`link:ping`, ack'ed, every 2 s) — only for widgets whose panel is open;
 *   B. Engine.IO's own ping at 2 s (+3 s timeout) — which every connected socket would pay, idle or not.
 * Server CPU (user+system, from /proc) over a fixed window with N connected sockets, minus the same
 * sockets idle at the default 25 s ping. Clients run in this process; the servers in their own.
 *
 *   npx tsx bench/widget-heartbeat/run.ts [--sockets 1000] [--seconds 20]
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SOCKETS = arg('sockets', 1000);
const SECONDS = arg('seconds', 20);
const SECRET = 'heartbeat-bench-secret-0123456789abcdef';

const clockTicks = 100; // USER_HZ on Linux
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

async function measure(pid: number, during: () => () => void): Promise<number> {
  const stop = during();
  await new Promise((r) => setTimeout(r, 1000)); // let the first round settle
  const before = cpuMs(pid);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const used = cpuMs(pid) - before;
  stop();
  return used / SECONDS; // CPU ms per second
}

async function connectAll(make: (i: number) => Promise<Socket>): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < SOCKETS; i += 50) {
    sockets.push(
      ...(await Promise.all(Array.from({ length: Math.min(50, SOCKETS - i) }, (_, j) => make(i + j)))),
    );
  }
  return sockets;
}

const connected = (socket: Socket) =>
  new Promise<Socket>((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });

async function appServer(): Promise<{ idle: number; heartbeat: number }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hitl-heartbeat-'));
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    SECRET,
    ADMIN_PASSWORD: 'heartbeat-bench-admin-password',
    SITES: 'demo=*',
    RATE_LIMIT_WIDGET_SESSION_IP: 'off',
  });
  try {
    const sockets = await connectAll(async () => {
      const res = await fetch(`${server.url}/api/widget/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ siteKey: 'demo' }),
      });
      const { token } = (await res.json()) as { token: string };
      return connected(
        io(`${server.url}/widget`, {
          auth: { siteKey: 'demo', token },
          transports: ['websocket'],
          forceNew: true,
        }),
      );
    });
    const pid = server.child.pid!;
    const idle = await measure(pid, () => () => undefined);
    const heartbeat = await measure(pid, () => {
      // Spread over the interval, as real widgets opened at random times would be.
      const timers = sockets.map((socket, i) =>
        setTimeout(
          () => {
            const beat = () =>
              void socket
                .timeout(3000)
                .emitWithAck('link:ping', {})
                .catch(() => undefined);
            beat();
            timers[i] = setInterval(beat, 2000);
          },
          (i * 2000) / sockets.length,
        ),
      );
      return () => {
        for (const timer of timers) clearInterval(timer);
      };
    });
    for (const socket of sockets) socket.disconnect();
    return { idle, heartbeat };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function plainServer(pingInterval: number, pingTimeout: number): Promise<number> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.resolve('bench/widget-heartbeat/plain-socket-server.ts')],
    {
      env: { ...process.env, PING_INTERVAL_MS: String(pingInterval), PING_TIMEOUT_MS: String(pingTimeout) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve) => {
    child.stdout?.on('data', (d: Buffer) => {
      const match = /listening (\d+)/.exec(d.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  try {
    const sockets = await connectAll(() =>
      connected(io(`http://127.0.0.1:${port}/widget`, { transports: ['websocket'], forceNew: true })),
    );
    const used = await measure(child.pid!, () => () => undefined);
    for (const socket of sockets) socket.disconnect();
    return used;
  } finally {
    child.kill('SIGTERM');
  }
}

const app = await appServer();
const enginePingDefault = await plainServer(25_000, 20_000);
const enginePingFast = await plainServer(2000, 3000);
const perSocket = (ms: number) => ((ms / SOCKETS) * 1000).toFixed(1);
console.log(
  `${SOCKETS} sockets, ${SECONDS} s windows; server CPU in ms per second (µs per socket per second)`,
);
console.log(`app server, idle (engine ping 25 s):         ${app.idle.toFixed(1)}`);
console.log(
  `app server, every socket link:ping every 2 s: ${app.heartbeat.toFixed(1)}  → +${perSocket(app.heartbeat - app.idle)} µs/socket/s`,
);
console.log(`plain server, engine ping 25 s:              ${enginePingDefault.toFixed(1)}`);
console.log(
  `plain server, engine ping 2 s:               ${enginePingFast.toFixed(1)}  → +${perSocket(enginePingFast - enginePingDefault)} µs/socket/s`,
);
process.exit(0);
