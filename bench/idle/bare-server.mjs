// The baseline of `bench/idle`: a bare Socket.IO server with the support server's options and a
// `/widget` namespace that accepts every handshake and keeps nothing. Plain JavaScript run by plain
// node, like the built server, so that neither carries a TypeScript loader. Prints its URL.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

// socket.io is a dependency of the server package, resolved from there.
const require = createRequire(new URL('../../apps/server/package.json', import.meta.url));
const { Server } = require('socket.io');

const httpServer = createServer();
const io = new Server(httpServer, {
  maxHttpBufferSize: 256 * 1024,
  cors: { origin: true, credentials: false },
  serveClient: false,
});
io.of('/widget').on('connection', () => {});
httpServer.listen(0, '127.0.0.1', () => {
  const address = httpServer.address();
  process.stdout.write(`listening on http://127.0.0.1:${address.port}\n`);
});
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
