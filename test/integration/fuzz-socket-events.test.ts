import { errorCodes } from '@hitl/shared/errors';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzPayload } from '../support/fuzz-payloads';
import { fingerprintStore } from '../support/store-fingerprint';
import { startTestServer, type TestServer, type WidgetClient } from '../support/test-server';

/**
 * Every socket event of both namespaces gets generated payloads (arbitrary JSON, hostile values, valid
 * payloads with one field changed), as a visitor, a plain agent and an admin. Each answer must be an ack
 * with a code from the closed set, never `internal`; the socket stays connected; and a refused payload
 * leaves the store exactly as it was. A fixed seed makes a failure reproducible (fast-check prints it).
 */
const SEED = 20261201;
const RUNS_PER_EVENT = 200;
/** Under the 256 KB socket frame limit, so huge strings reach the handlers instead of closing the socket. */
const HUGE = 200 * 1024;

let server: TestServer;
let visitor: WidgetClient;
const sockets: Record<'visitor' | 'agent' | 'admin', Socket> = {} as never;
const ids = { conversation: '', botMessage: '', clientId: '' };
let generated = 0;

beforeAll(async () => {
  // Thousands of sends from one visitor and one address: the message limits would answer most of them
  // `rate_limited` before validation had a say, so they are off here (rate-limits.test.ts covers them).
  server = await startTestServer({
    RATE_LIMIT_MESSAGE_VISITOR: 'off',
    RATE_LIMIT_MESSAGE_IP: 'off',
    RATE_LIMIT_CONTACT_VISITOR: 'off',
    RATE_LIMIT_CONTACT_IP: 'off',
  });
  const session = await server.connectVisitor();
  visitor = session.socket;
  ids.clientId = crypto.randomUUID();
  const sent = await visitor.emitWithAck('message:send', {
    clientId: ids.clientId,
    text: 'Where is my order?',
  });
  if (!sent.ok) throw new Error(`first send refused: ${sent.error.code}`);
  ids.conversation = sent.data.conversation.id;
  await server.settle(visitor);
  const messages = await server.store.listMessages(ids.conversation, {
    afterSeq: 0,
    limit: 50,
    includeInternal: true,
  });
  ids.botMessage = messages.find((m) => m.role === 'bot')?.id ?? sent.data.message.id;
  sockets.visitor = visitor as unknown as Socket;
  sockets.agent = (await server.connectAgent((await server.createAgent({ role: 'agent' })).token)) as never;
  sockets.admin = (await server.connectAgent((await server.createAgent({ role: 'admin' })).token)) as never;
});
afterAll(async () => {
  // The brief's floor: every file of the fuzz suite together generates at least 10,000 payloads.
  expect(generated).toBeGreaterThanOrEqual(RUNS_PER_EVENT * 30);
  await server?.close();
});

const widgetEvents = (): [string, Record<string, unknown>][] => [
  ['conversation:sync', { conversationId: ids.conversation, afterSeq: 0 }],
  ['message:send', { clientId: crypto.randomUUID(), conversationId: ids.conversation, text: 'hello again' }],
  ['contact:leave', { conversationId: ids.conversation, email: 'someone@example.com' }],
  ['visitor:identify', { name: 'Dana Scully', email: 'dana@example.com', externalId: 'cust-42' }],
  [
    'visitor:page',
    {
      url: 'https://shop.example/candles',
      title: 'Candles',
      referrer: '',
      language: 'en-GB',
      timeZone: 'Europe/London',
      utcOffsetMinutes: 60,
    },
  ],
  ['typing:update', { conversationId: ids.conversation, typing: true }],
  ['link:ping', {}],
  ['conversation:claim', { conversationId: ids.conversation }],
];

const agentEvents = (): [string, Record<string, unknown>][] => [
  ['conversation:list', { states: ['bot', 'escalated'], limit: 20 }],
  ['conversation:watch', { conversationId: ids.conversation, afterSeq: 0 }],
  ['conversation:unwatch', { conversationId: ids.conversation }],
  ['conversation:claim', { conversationId: ids.conversation }],
  ['conversation:handback', { conversationId: ids.conversation }],
  ['conversation:close', { conversationId: ids.conversation, outcome: 'resolved', tags: ['refund'] }],
  ['conversation:transfer', { conversationId: ids.conversation, toAgentId: 'agt_missing' }],
  ['presence:set', { status: 'away' }],
  [
    'message:send',
    { conversationId: ids.conversation, clientId: crypto.randomUUID(), text: 'Hi, Alex here' },
  ],
  [
    'note:send',
    {
      conversationId: ids.conversation,
      clientId: crypto.randomUUID(),
      text: 'Checked: a returning customer',
    },
  ],
  [
    'correction:create',
    {
      messageId: ids.botMessage,
      correctedText: 'It ships tomorrow.',
      reasons: ['wrong_fact'],
      note: 'x',
      timeSpentMs: 1000,
    },
  ],
  ['answer:mark', { messageId: ids.botMessage, marked: true }],
  ['draft:approve', { messageId: ids.botMessage }],
  ['draft:edit', { messageId: ids.botMessage, text: 'Edited answer' }],
  ['draft:reject', { messageId: ids.botMessage, text: 'Better answer' }],
  ['review:mark', { itemId: 'rvw_missing', verdict: 'corrected', correctedText: 'x', reasons: ['tone'] }],
  ['message:created', { conversationId: ids.conversation }],
  ['visitor:profile', { conversationId: ids.conversation }],
  ['visitor:conversations', { conversationId: ids.conversation, limit: 5 }],
  ['typing:update', { conversationId: ids.conversation, typing: true }],
];

type Ack = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

async function checkEvent(role: keyof typeof sockets, event: string, valid: Record<string, unknown>) {
  const socket = sockets[role];
  let baseline = await fingerprintStore(server.store);
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(fuzzPayload(valid, HUGE), async (payload) => {
      generated++;
      const ack = (await socket.timeout(30_000).emitWithAck(event, payload)) as Ack;
      expect(socket.connected, 'the socket stays connected').toBe(true);
      expect(typeof ack.ok).toBe('boolean');
      if (ack.ok) {
        // A generated payload that happens to be valid may change the store; its consequences (a bot reply)
        // are drained before the next comparison.
        await server.settle(visitor);
        baseline = await fingerprintStore(server.store);
        return;
      }
      refused++;
      expect(errorCodes).toContain(ack.error?.code);
      expect(ack.error?.code).not.toBe('internal');
      expect(typeof ack.error?.message).toBe('string');
      expect(await fingerprintStore(server.store), 'a refused payload changes nothing').toBe(baseline);
    }),
    { seed: SEED, numRuns: RUNS_PER_EVENT, endOnFailure: true },
  );
  // Most generated payloads are wrong: a run where nothing was refused tested nothing.
  expect(refused).toBeGreaterThan(RUNS_PER_EVENT / 2);
}

describe('fuzzing the /widget events as a visitor', () => {
  it.each(widgetEvents().map(([event]) => [event]))(
    '%s',
    async (event) => {
      const valid = widgetEvents().find(([e]) => e === event)?.[1] ?? {};
      await checkEvent('visitor', event, valid);
    },
    120_000,
  );
});

for (const role of ['agent', 'admin'] as const) {
  describe(`fuzzing the /agent events as ${role === 'admin' ? 'an admin' : 'a plain agent'}`, () => {
    it.each(agentEvents().map(([event]) => [event]))(
      '%s',
      async (event) => {
        const valid = agentEvents().find(([e]) => e === event)?.[1] ?? {};
        await checkEvent(role, event, valid);
      },
      120_000,
    );
  });
}
