import type { KnowledgeArticle } from '@hitl/shared/knowledge';
import type { Message } from '@hitl/shared/models';
import type { AuditEventView } from '@hitl/shared/rest';
import type { WidgetClient } from './clients';
import { waitForEvent } from './wait-for';

export type ApiAnswer<T> = { status: number; body: T & { error?: { code: string; message: string } } };

/** A REST call as an agent (bearer token); a string body is sent as text/plain, anything else as JSON. */
export async function callApi<T>(
  url: string,
  token: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<ApiAnswer<T>> {
  const res = await fetch(`${url}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': typeof body === 'string' ? 'text/plain' : 'application/json',
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text.startsWith('{') ? JSON.parse(text) : { text }) as ApiAnswer<T>['body'],
  };
}

/** A customer on a fresh widget connection asks `text`; resolves with the bot's reply or the escalation notice. */
export async function askAsCustomer(
  socket: WidgetClient,
  text: string,
): Promise<{ reply: Message; conversationId: string }> {
  const reply = waitForEvent<Message>(
    socket as never,
    'message:created',
    (m) => m.role === 'bot' || m.notice === 'escalated' || m.notice === 'no_agent_online',
  );
  const ack = await socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text });
  if (!ack.ok) throw new Error(`send failed: ${ack.error.message}`);
  return { reply: await reply, conversationId: ack.data.conversation.id };
}

/** An agent logged in over HTTP, as `TestServer.createAgent` returns it. */
export type Login = { agent: { id: string; name: string }; token: string };

/** An article no shipped article covers, used by the knowledge-base suites. */
export const GIFT_WRAP = {
  id: 'gift-wrapping',
  title: 'Gift wrapping',
  topic: 'products',
  answer: 'Yes! Gift wrapping is $5 per order: tick “Gift wrap” at checkout and add a card message.',
  examples: ['Do you offer gift wrapping?', 'can you wrap my order as a present', 'is gift wrap available'],
};

/**
 * The knowledge-base REST calls of a suite: `api` as any agent, the audit trail read by `admin`, an article
 * read by `reader`. Takes getters, since suites log their agents in `beforeAll`.
 */
export function knowledgeCalls(url: () => string, admin: () => Login, reader: () => Login) {
  const api = <T>(who: Login, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
    callApi<T>(url(), who.token, method, path, body);
  return {
    api,
    audit: async () =>
      (await api<{ events: AuditEventView[] }>(admin(), 'GET', '/admin/audit?limit=500')).body.events,
    getArticle: async (id: string) =>
      (await api<{ article: KnowledgeArticle }>(reader(), 'GET', `/knowledge/articles/${id}`)).body.article,
  };
}
