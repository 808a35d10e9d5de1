import { Server } from 'socket.io';
import { createEchoHttpServer } from './echo-http';

/**
 * The floor: a bare Socket.IO server on the same `/widget` events, no store, no bot. Each `message:send` is
 * acknowledged at once and echoed back as a bot `message:created`, so the bench's clients run unchanged
 * against it. Started as a child process by `start-servers.ts`; prints its port on stdout.
 */
const http = createEchoHttpServer();
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
