import type { Message } from '@hitl/shared/models';
import { io } from 'socket.io-client';
import { connected, openVisitorSession, type WidgetClient } from '../../test/support/clients';

/** Questions the shop's knowledge base answers with confidence, so the bot replies to each. */
const QUESTIONS = [
  'How long does delivery take?',
  'How much is shipping?',
  'Do you ship internationally?',
  'What is your return policy?',
  'How do I cancel my order?',
];
const ACK_TIMEOUT_MS = 30_000;

export interface RunResult {
  /** Send → ack (the message stored), ms. */
  acks: number[];
  /** Send → the bot's reply received, ms. */
  replies: number[];
  errors: number;
  /** Acked sends that never got a reply within the grace period. */
  lost: number;
  /** First send to last reply, ms. */
  wallMs: number;
}

interface ChatClient {
  socket: WidgetClient;
  conversationId: string | null;
  /** Send times of the questions still waiting for a reply, oldest first. */
  waiting: number[];
  onReply: (() => void) | null;
  sent: number;
}

/** N widget clients, each with its own session and WebSocket, opened a few at a time. */
export async function openChatClients(url: string, count: number): Promise<ChatClient[]> {
  const clients: ChatClient[] = [];
  for (let start = 0; start < count; start += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, count - start) }, async () => {
        const session = await openVisitorSession(url);
        const socket: WidgetClient = io(`${url}/widget`, {
          auth: { siteKey: 'demo', token: session.token },
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
        });
        await connected(socket as never);
        return { socket, conversationId: null, waiting: [], onReply: null, sent: 0 } as ChatClient;
      }),
    );
    clients.push(...batch);
  }
  return clients;
}

export function closeChatClients(clients: ChatClient[]): void {
  for (const client of clients) client.socket.disconnect();
}

/** Listens for bot replies; each one answers the oldest question of its client still waiting. */
function track(clients: ChatClient[], result: RunResult): () => void {
  const stops = clients.map((client) => {
    const listener = (message: Message) => {
      if (message.role !== 'bot' || message.visibility !== 'public') return;
      const sentAt = client.waiting.shift();
      if (sentAt === undefined) return;
      result.replies.push(performance.now() - sentAt);
      client.onReply?.();
    };
    client.socket.on('message:created', listener);
    return () => client.socket.off('message:created', listener);
  });
  return () => {
    for (const stop of stops) stop();
  };
}

async function send(client: ChatClient, result: RunResult): Promise<boolean> {
  const sentAt = performance.now();
  client.waiting.push(sentAt);
  const text = QUESTIONS[client.sent++ % QUESTIONS.length] as string;
  try {
    const ack = await client.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('message:send', {
      clientId: crypto.randomUUID(),
      conversationId: client.conversationId,
      text,
    });
    if (!ack.ok) throw new Error(ack.error.code);
    result.acks.push(performance.now() - sentAt);
    client.conversationId = ack.data.conversation.id;
    return true;
  } catch {
    result.errors++;
    client.waiting.splice(client.waiting.indexOf(sentAt), 1);
    return false;
  }
}

/** Resolves when the client has no question waiting, or after `graceMs` without one being answered. */
function repliesIn(client: ChatClient, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout;
    const check = () => {
      clearTimeout(timer);
      if (client.waiting.length === 0) {
        client.onReply = null;
        return resolve();
      }
      timer = setTimeout(() => {
        client.onReply = null;
        resolve();
      }, graceMs);
    };
    client.onReply = check;
    check();
  });
}

function emptyResult(): RunResult {
  return { acks: [], replies: [], errors: 0, lost: 0, wallMs: 0 };
}

/** Closed loop: every client sends its next message once the last one is answered, `messages` each. */
export async function runClosedLoop(clients: ChatClient[], messages: number): Promise<RunResult> {
  const result = emptyResult();
  const stop = track(clients, result);
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let n = 0; n < messages; n++) {
        if (await send(client, result)) await repliesIn(client, ACK_TIMEOUT_MS);
        result.lost += client.waiting.length;
        client.waiting = [];
      }
    }),
  );
  result.wallMs = performance.now() - started;
  stop();
  return result;
}

/**
 * Offered load: every client sends one message every `intervalMs` (each from its own random phase) for
 * `durationMs`, whatever the answers do; then the replies still due are awaited.
 */
export async function runOfferedLoad(
  clients: ChatClient[],
  intervalMs: number,
  durationMs: number,
): Promise<RunResult> {
  const result = emptyResult();
  const stop = track(clients, result);
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      const sends: Promise<boolean>[] = [];
      let next = started + Math.random() * intervalMs;
      while (next < started + durationMs) {
        await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
        sends.push(send(client, result));
        next += intervalMs;
      }
      await Promise.all(sends);
      await repliesIn(client, ACK_TIMEOUT_MS);
      result.lost += client.waiting.length;
      client.waiting = [];
    }),
  );
  result.wallMs = performance.now() - started;
  stop();
  return result;
}
