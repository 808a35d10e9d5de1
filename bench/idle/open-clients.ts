import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';

/**
 * One client process of `bench/idle`: opens its share of idle widget connections (real
 * socket.io-client, WebSocket transport) when the parent says so, holds them, and closes them when
 * told. Messages to the parent: `{ ready }` once its visitor sessions exist, `{ connected, failed,
 * seconds }` once every socket is open (or refused), `{ closed }` at the end.
 *
 * The sockets connect to the URL given with `connect`, which may be another process than the one
 * `--sessions` asked for the visitor tokens (they are signed, not stored in memory).
 *
 *   tsx bench/idle/open-clients.ts --count 2500 [--sessions http://127.0.0.1:3000]
 */
const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    // Where to open a visitor session per socket (the real server); without, any auth (the bare one).
    sessions: { type: 'string' },
    concurrency: { type: 'string', default: '100' },
  },
});
const count = Number(values.count);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(count) || count < 1) throw new Error('--count is required');
const send = (message: object) => process.send?.(message);

const tokens = values.sessions
  ? await openSessions(values.sessions, count)
  : new Array<string>(count).fill('none');
send({ ready: true });

const sockets: Socket[] = [];
process.on('message', async (message: { op: 'connect'; url: string } | { op: 'close' }) => {
  if (message.op === 'connect') {
    const started = performance.now();
    const failed = await connectAll(message.url);
    send({ connected: sockets.length, failed, seconds: (performance.now() - started) / 1000 });
  } else {
    for (const socket of sockets) socket.disconnect();
    send({ closed: true });
    process.exit(0);
  }
});

/** Opens every socket, `concurrency` handshakes at a time; answers how many were refused. */
async function connectAll(url: string): Promise<number> {
  let next = 0;
  let failed = 0;
  const lane = async () => {
    while (next < count) {
      const token = tokens[next++] as string;
      const socket = io(`${url}/widget`, {
        auth: { siteKey: 'demo', token },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      const ok = await new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
      });
      if (ok) sockets.push(socket);
      else {
        failed++;
        socket.close();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return failed;
}

/** A visitor session per connection, as a page load of the widget gets one. */
async function openSessions(url: string, n: number): Promise<string[]> {
  const out: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < n) {
      next++;
      const res = await fetch(`${url}/api/widget/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ siteKey: 'demo' }),
      });
      if (!res.ok) throw new Error(`widget session: ${res.status} ${await res.text()}`);
      out.push(((await res.json()) as { token: string }).token);
    }
  };
  await Promise.all(Array.from({ length: 20 }, lane));
  return out;
}
