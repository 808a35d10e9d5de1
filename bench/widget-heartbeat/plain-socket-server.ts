import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

// socket.io is the server package's dependency, not the root's: load the very copy the server uses.
// Only what this file uses of it is typed here (the root has no socket.io types to import).
interface PlainServer {
  of(namespace: string): { on(event: 'connection', listener: () => void): void };
}
const { Server } = createRequire(path.resolve('apps/server/package.json'))('socket.io') as {
  Server: new (http: unknown, options: Record<string, unknown>) => PlainServer;
};

/**
 * A bare Socket.IO server with the given Engine.IO ping settings, for the heartbeat benchmark: what
 * tightening the engine's own ping would cost, without the app's work mixed in.
 */
const pingInterval = Number(process.env.PING_INTERVAL_MS ?? 25_000);
const pingTimeout = Number(process.env.PING_TIMEOUT_MS ?? 20_000);
const http = createServer();
const io = new Server(http, { pingInterval, pingTimeout, serveClient: false });
io.of('/widget').on('connection', () => undefined);
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = http.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
});
