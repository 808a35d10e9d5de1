import {
  type ConversationSearchResponse,
  conversationSearchResponseSchema,
} from '@hitl/shared/conversation-search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type WidgetClient } from '../support/test-server';

let server: TestServer;
let token: string;
const ids = { legal: '', card: '', unsure: '' };

/** A customer message, answered or escalated before this returns. */
async function say(widget: WidgetClient, text: string): Promise<string> {
  const ack = await widget.emitWithAck('message:send', { clientId: crypto.randomUUID(), text });
  if (!ack.ok) throw new Error(ack.error.message);
  await server.settle(widget);
  return ack.data.conversation.id;
}

beforeAll(async () => {
  server = await startTestServer();
  token = (await server.createAgent({ name: 'Searcher' })).token;
  ids.unsure = await say((await server.connectVisitor()).socket, 'Can my zanzibar kayak float upside down?');
  ids.legal = await say(
    (await server.connectVisitor()).socket,
    'My zanzibar order never came, I will sue you and see you in court',
  );
  ids.card = await say(
    (await server.connectVisitor()).socket,
    'Charge the zanzibar order to 4111 1111 1111 1111 please',
  );
});
afterAll(() => server.close());

const get = (query: string, bearer: string | null = token) =>
  fetch(`${server.url}/api/conversations/search?${query}`, {
    headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` },
  });

async function search(query: string): Promise<ConversationSearchResponse> {
  const res = await get(query);
  expect(res.status).toBe(200);
  return conversationSearchResponseSchema.parse(await res.json());
}

describe('GET /api/conversations/search', () => {
  it('finds a message by its words, with the snippet, the newest activity first', async () => {
    const page = await search('q=ZANZIBAR');
    expect(page.hits.map((hit) => hit.conversation.id)).toEqual([ids.card, ids.legal, ids.unsure]);
    expect(page.nextCursor).toBeNull();
    const legal = page.hits.find((hit) => hit.conversation.id === ids.legal);
    expect(legal?.match).toMatchObject({
      role: 'customer',
      seq: 1,
      snippet: 'My zanzibar order never came, I will sue you and see you in court',
    });
    expect((await search('q=court%20sue')).hits.map((hit) => hit.conversation.id)).toEqual([ids.legal]);
  });

  it('never shows a card number: only its last four digits are stored and found', async () => {
    const res = await get('q=zanzibar%20charge');
    const body = await res.text();
    expect(body).not.toContain('4111 1111');
    const page = conversationSearchResponseSchema.parse(JSON.parse(body));
    expect(page.hits.map((hit) => hit.match?.snippet)).toEqual([
      'Charge the zanzibar order to •••• 1111 please',
    ]);
    expect((await search('q=4111111111111111')).hits).toEqual([]);
    expect((await search('q=4111%201111%201111%201111')).hits).toEqual([]);
    expect((await search('q=1111')).hits.map((hit) => hit.conversation.id)).toEqual([ids.card]);
  });

  it('filters by reason and state in the store, combined with the words', async () => {
    const legal = await search('q=zanzibar&reason=topic_rule&state=queued');
    expect(legal.hits.map((hit) => hit.conversation.id)).toEqual([ids.legal]);
    expect(legal.hits[0]?.conversation.reasons.map((r) => r.rule)).toContain('legal-threat');
    const sensitive = await search('reason=sensitive_data&siteKey=demo');
    expect(sensitive.hits.map((hit) => [hit.conversation.id, hit.match])).toEqual([[ids.card, null]]);
    expect((await search('q=zanzibar&state=closed')).hits).toEqual([]);
  });

  it('pages with the cursor it answers', async () => {
    const first = await search('q=zanzibar&limit=2');
    expect(first.hits.map((hit) => hit.conversation.id)).toEqual([ids.card, ids.legal]);
    expect(first.nextCursor).not.toBeNull();
    const second = await search(`q=zanzibar&limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
    expect(second.hits.map((hit) => hit.conversation.id)).toEqual([ids.unsure]);
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    'q=%3F%21',
    'cursor=nonsense',
    'state=asleep',
    'reason=boredom',
    'from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z',
    'limit=0',
    'limit=101',
    'q[$ne]=x',
    'unknown=1',
  ])('refuses %s with invalid_payload', async (query) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_payload' } });
  });

  it('needs a session', async () => {
    const res = await get('q=zanzibar', null);
    expect(res.status).toBe(401);
  });
});
