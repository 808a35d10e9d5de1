import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the stub answers one request. Every field is optional: the default is a grounded, cited answer. */
export interface StubReply {
  /** The assistant's text. */
  text?: string;
  /** Answer with this HTTP error status instead (500, 429 …), and this message. */
  status?: number;
  errorMessage?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering (the client may give up first). */
  delayMs?: number;
  /** The logprob of every token; null leaves logprobs out even when asked for. */
  logprob?: number | null;
  /** The alternatives at the first position (for one-word answers). */
  topLogprobs?: Array<{ token: string; logprob: number }>;
  /** null leaves usage out. */
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
  /** Streaming: cut the connection after this many text chunks. */
  failAfterChunks?: number;
  /** Streaming: pause between chunks. */
  chunkDelayMs?: number;
}

export type ChatMessage = { role: string; content: string };
export type ChatBody = {
  model: string;
  messages: ChatMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  logprobs?: boolean;
  top_logprobs?: number;
  max_tokens?: number;
};

export interface RecordedRequest {
  body: ChatBody;
  raw: string;
  at: number;
  /** Set when the client went away before a delayed reply was sent (its timeout cut the call). */
  abandoned?: boolean;
  /** Set when the stub starts sending its reply (after any delay): until then the model is "thinking". */
  answered?: boolean;
}

/** A local OpenAI-compatible server for tests: `POST /v1/chat/completions`, scripted, recording requests. */
export interface OpenAiStub {
  /** `http://127.0.0.1:<port>/v1` */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Replies for the next requests, in order; then the fallback answers. */
  enqueue(...replies: StubReply[]): void;
  setFallback(reply: StubReply | ((body: ChatBody) => StubReply)): void;
  /** Resolves once `count` requests have been recorded since the last reset. */
  whenRequested(count: number): Promise<void>;
  /** Forgets scripted replies, the fallback and the recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export const SELF_CHECK_YES = 0.9;

export async function startOpenAiStub(): Promise<OpenAiStub> {
  const queue: StubReply[] = [];
  let fallback: StubReply | ((body: ChatBody) => StubReply) = {};
  const requests: RecordedRequest[] = [];
  let waiters: Array<{ count: number; resolve: () => void }> = [];

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      return sendJson(res, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
    }
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = JSON.parse(raw) as ChatBody;
    const recorded: RecordedRequest = { body, raw, at: Date.now() };
    requests.push(recorded);
    for (const waiter of waiters.filter((w) => requests.length >= w.count)) waiter.resolve();
    waiters = waiters.filter((w) => requests.length < w.count);
    const scripted = queue.shift() ?? (typeof fallback === 'function' ? fallback(body) : fallback);
    const reply = { ...defaultReply(body), ...scripted };
    if (reply.delayMs) {
      const waited = await wait(reply.delayMs, res);
      if (!waited) {
        recorded.abandoned = true;
        return;
      }
    }
    recorded.answered = true;
    if (reply.status && reply.status >= 400) {
      return sendJson(
        res,
        reply.status,
        {
          error: {
            message: reply.errorMessage ?? `scripted ${reply.status}`,
            type: 'server_error',
            code: null,
          },
        },
        reply.headers,
      );
    }
    const text = reply.text ?? '';
    const tokens = tokenize(text);
    const wantLogprobs = body.logprobs === true && reply.logprob !== null;
    const logprobsOf = (index: number, token: string) => ({
      token,
      logprob: reply.logprob ?? -0.05,
      bytes: null,
      top_logprobs: index === 0 ? (reply.topLogprobs ?? []) : [],
    });
    const usage =
      reply.usage === null
        ? null
        : (reply.usage ?? { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: tokens.length });
    const withTotal = usage && { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
    const base = { id: 'chatcmpl-stub', created: Math.floor(Date.now() / 1000), model: body.model };

    if (!body.stream) {
      return sendJson(res, 200, {
        ...base,
        object: 'chat.completion',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: text, refusal: null },
            logprobs: wantLogprobs
              ? { content: tokens.map((t, i) => logprobsOf(i, t)), refusal: null }
              : null,
            finish_reason: 'stop',
          },
        ],
        ...(withTotal ? { usage: withTotal } : {}),
      });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    const chunk = (delta: object, extra: object = {}) => ({
      ...base,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: null, ...extra }],
    });
    send(chunk({ role: 'assistant', content: '' }));
    for (const [i, token] of tokens.entries()) {
      if (reply.failAfterChunks !== undefined && i >= reply.failAfterChunks) {
        // Let what was written reach the client before the connection drops.
        await wait(100, res);
        return res.destroy();
      }
      if (reply.chunkDelayMs && !(await wait(reply.chunkDelayMs, res))) return;
      send(chunk({ content: token }, wantLogprobs ? { logprobs: { content: [logprobsOf(i, token)] } } : {}));
    }
    send(chunk({}, { finish_reason: 'stop' }));
    if (withTotal && body.stream_options?.include_usage) {
      send({ ...base, object: 'chat.completion.chunk', choices: [], usage: withTotal });
    }
    res.end('data: [DONE]\n\n');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    setFallback(reply) {
      fallback = reply;
    },
    whenRequested(count) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    reset() {
      queue.length = 0;
      fallback = {};
      requests.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A self-check gets "Yes" (probability SELF_CHECK_YES); an answer cites the first article of the prompt
 * with its first sentence.
 */
function defaultReply(body: ChatBody): StubReply {
  const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
  if (body.max_tokens === 1) {
    return {
      text: 'Yes',
      topLogprobs: [
        { token: 'Yes', logprob: Math.log(SELF_CHECK_YES) },
        { token: 'No', logprob: Math.log(1 - SELF_CHECK_YES) },
      ],
    };
  }
  const article = /^\[([a-z0-9-]+)\] .*\n([^\n]*?[.!?])(?:\s|$)/m.exec(system);
  if (!article) return { text: "I don't have that information; a colleague can help." };
  return { text: `${article[2]} [${article[1]}]` };
}

/** Words with their leading space, brackets and hyphens apart, so citation marks arrive in pieces. */
export function tokenize(text: string): string[] {
  return text.match(/\s*[^\s[\]-]+|\s*[[\]-]/g) ?? [];
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Resolves false when the client went away first. */
function wait(ms: number, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      res.off('close', gone);
      resolve(!res.destroyed);
    }, ms);
    const gone = () => {
      clearTimeout(timer);
      resolve(false);
    };
    res.once('close', gone);
  });
}
