import { createServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * The floor: a bare Socket.IO server on the same `/widget` events, no store, no bot. Each `message:send` is
 * acknowledged at once and echoed back as a bot `message:created`, so the bench's clients run unchanged
 * against it. Started as a child process by `start-servers.ts`; prints its port on stdout.
 */
const http = createServer((req, res) => {
  // The clients open a widget session first, as against the real server.
  if (req.method === 'POST' && req.url === '/api/widget/session') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token: 'echo', visitorId: 'echo' }));
    return;
  }
  res.writeHead(req.url === '/healthz' ? 200 : 404).end();
});
const io = new Server(http, { transports: ['websocket'] });
let seq = 0;
io.of('/widget').on('connection', (socket) => {
  socket.on('message:send', (input: { clientId: string; text: string }, ack: (result: unknown) => void) => {
    const message = { id: `m${++seq}`, conversationId: 'echo', seq, role: 'customer', text: input.text };
    ack({ ok: true, data: { message, conversation: { id: 'echo', state: 'bot' } } });
    socket.emit('message:created', { ...message, id: `r${seq}`, role: 'bot', visibility: 'public' });
  });
});
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = http.address();
  if (address && typeof address === 'object') console.log(`listening ${address.port}`);
});
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
