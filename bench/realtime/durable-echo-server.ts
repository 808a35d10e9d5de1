import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Conversation } from '@hitl/shared/models';
import { Server } from 'socket.io';
import { createSqliteStore } from '../../apps/server/src/store/sqlite-store';
import type { NewMessage } from '../../apps/server/src/store/store';
import { createEchoHttpServer } from './echo-http';

/**
 * The second floor: the bare echo server plus the durability every reply of the real server has. Each
 * `message:send` is stored with the product's SQLite store (its schema, indexes, full-text index, group
 * commit and `synchronous = FULL`), acknowledged after its commit, and answered by a stored bot reply of
 * a knowledge-base article's length — and nothing else: no signals, no model, no policy, no notifier.
 * The gap between this and the echo server is the price of durable storage; between this and the real
 * server, the price of the product's logic. Started by `start-servers.ts`; prints its port on stdout.
 */
const dataDir = mkdtempSync(path.join(process.env.DATA_ROOT ?? os.tmpdir(), 'hitl-durable-echo-'));
const store = await createSqliteStore({ file: path.join(dataDir, 'echo.db') });
const articles = JSON.parse(
  readFileSync(new URL('../../apps/server/src/knowledge/shop-knowledge-base.json', import.meta.url), 'utf8'),
) as { id: string; title: string; answer: string }[];

const http = createEchoHttpServer();
const io = new Server(http, { transports: ['websocket'] });
let replies = 0;
io.of('/widget').on('connection', (socket) => {
  let conversation: Promise<Conversation> | null = null;
  socket.on(
    'message:send',
    async (input: { clientId: string; text: string }, ack: (result: unknown) => void) => {
      conversation ??= store.createConversation({
        id: `conv_${randomUUID()}`,
        siteKey: 'demo',
        visitorId: socket.id,
        createdAt: new Date().toISOString(),
      });
      const { id: conversationId } = await conversation;
      const stored = await store.appendMessage(
        messageOf(conversationId, { clientId: input.clientId, role: 'customer', text: input.text }),
      );
      ack({ ok: true, data: { message: stored.message, conversation: stored.conversation } });
      const article = articles[replies++ % articles.length] as (typeof articles)[number];
      const reply = await store.appendMessage(messageOf(conversationId, { role: 'bot', article }));
      socket.emit('message:created', reply.message);
    },
  );
});

/** A customer message, or a bot reply with an article's text and the metadata the offline bot stores. */
function messageOf(
  conversationId: string,
  fields:
    | { role: 'customer'; text: string; clientId: string }
    | { role: 'bot'; article: (typeof articles)[number] },
): NewMessage {
  return {
    id: `msg_${randomUUID()}`,
    conversationId,
    clientId: fields.role === 'customer' ? fields.clientId : null,
    role: fields.role,
    visibility: 'public',
    text: fields.role === 'customer' ? fields.text : fields.article.answer,
    author: null,
    bot:
      fields.role === 'bot'
        ? {
            confidence: 0.93,
            responder: 'offline',
            modelId: 'durable-echo',
            modelVersion: 'durable-echo+r0',
            sources: [{ id: fields.article.id, title: fields.article.title }],
            alternatives: articles.slice(0, 2).map((a) => ({ id: a.id, title: a.title, confidence: 0.02 })),
            topic: 'shipping',
          }
        : null,
    notice: null,
    draft: null,
    createdAt: new Date().toISOString(),
  };
}

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = http.address();
  if (address && typeof address === 'object') console.log(`listening ${address.port}`);
});
process.on('SIGTERM', async () => {
  io.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
