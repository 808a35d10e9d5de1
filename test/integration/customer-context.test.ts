import type { VisitorProfile } from '@hitl/shared/visitor-context';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, openVisitorSession } from '../support/clients';
import { type StoreKind, storeKinds } from '../support/store-kinds';
import {
  type AgentClient,
  startTestServer,
  type TestServer,
  type WidgetClient,
} from '../support/test-server';
import { collectEvents, waitForEvent } from '../support/wait-for';

const CHROME_ON_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const page = (url: string) => ({
  url,
  title: 'Candles — Harbor & Pine',
  referrer: 'https://search.example/?q=candles',
  language: 'en-GB',
  timeZone: 'Europe/London',
  utcOffsetMinutes: 0,
});

let server: TestServer;
let agent: AgentClient;
/** Frozen while a test counts a burst against a per-socket budget, so the window cannot roll over. */
let frozenAt: Date | null = null;

/** A visitor whose browser sends a known User-Agent, as the widget's socket does. */
async function visitorWithBrowser(token?: string) {
  const session = await openVisitorSession(server.url, token);
  const socket: WidgetClient = io(`${server.url}/widget`, {
    auth: { siteKey: 'demo', token: session.token },
    transports: ['websocket'],
    forceNew: true,
    extraHeaders: { 'user-agent': CHROME_ON_MAC },
  });
  await connected(socket as never);
  return { socket, token: session.token, visitorId: session.visitorId };
}

async function startConversation(socket: WidgetClient, text = 'Hello, where is my parcel?') {
  const ack = await socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text });
  if (!ack.ok) throw new Error(`send refused: ${ack.error.code}`);
  await server.settle(socket);
  return ack.data.conversation.id;
}

async function watch(socket: AgentClient, conversationId: string) {
  const ack = await socket.emitWithAck('conversation:watch', { conversationId });
  if (!ack.ok) throw new Error(`watch refused: ${ack.error.code}`);
}

/** An agent socket's answer to its own request comes after every event sent to it before. */
const roundTrip = (socket: AgentClient) => socket.emitWithAck('conversation:list', { limit: 1 });
const visitorRoundTrip = (socket: WidgetClient) => socket.emitWithAck('conversation:sync', { afterSeq: 0 });

describe.each(storeKinds)('on the %s store', (kind: StoreKind) => {
  beforeAll(async () => {
    server = await startTestServer({}, { store: kind, clock: { now: () => frozenAt ?? new Date() } });
    agent = await server.connectAgent((await server.createAgent({ name: 'Sam Agent' })).token);
  });
  afterAll(() => server.close());

  describe('customer context', () => {
    it('stores the page and the identity the site claims, and pushes both to a console watching', async () => {
      const visitor = await visitorWithBrowser();
      const conversationId = await startConversation(visitor.socket);
      await watch(agent, conversationId);

      const pushedPage = waitForEvent<VisitorProfile>(
        agent as never,
        'visitor:profile-updated',
        (p) => p.page?.url.endsWith('/candles') === true,
      );
      expect(await visitor.socket.emitWithAck('visitor:page', page('https://shop.example/candles'))).toEqual({
        ok: true,
        data: null,
      });
      const afterPage = await pushedPage;
      expect(afterPage).toMatchObject({
        visitorId: visitor.visitorId,
        identity: null,
        page: {
          url: 'https://shop.example/candles',
          title: 'Candles — Harbor & Pine',
          referrer: 'https://search.example/?q=candles',
          language: 'en-GB',
          timeZone: 'Europe/London',
          userAgent: CHROME_ON_MAC,
        },
      });

      const pushedIdentity = waitForEvent<VisitorProfile>(
        agent as never,
        'visitor:profile-updated',
        (p) => p.identity !== null,
      );
      const identified = await visitor.socket.emitWithAck('visitor:identify', {
        name: '  Dana Scully ',
        email: 'Dana@Example.com',
        externalId: 'cust-42',
      });
      expect(identified.ok).toBe(true);
      const profile = await pushedIdentity;
      expect(profile.identity).toMatchObject({
        name: 'Dana Scully',
        email: 'dana@example.com',
        externalId: 'cust-42',
      });
      expect(profile.page?.url).toBe('https://shop.example/candles');

      // A navigation replaces the page and keeps the identity.
      const moved = waitForEvent<VisitorProfile>(
        agent as never,
        'visitor:profile-updated',
        (p) => p.page?.url.endsWith('/checkout') === true,
      );
      await visitor.socket.emitWithAck('visitor:page', {
        ...page('https://shop.example/checkout'),
        referrer: '',
      });
      expect((await moved).identity?.name).toBe('Dana Scully');

      const read = await agent.emitWithAck('visitor:profile', { conversationId });
      expect(read.ok && read.data.profile).toMatchObject({
        identity: { name: 'Dana Scully' },
        page: { url: 'https://shop.example/checkout', referrer: null },
      });
      expect(await server.store.getVisitorProfile('demo', visitor.visitorId)).toEqual(
        read.ok && read.data.profile,
      );
    });

    it('refuses bad identify and page payloads with a code and changes nothing', async () => {
      const visitor = await visitorWithBrowser();
      await visitor.socket.emitWithAck('visitor:identify', { name: 'Dana' });
      await visitor.socket.emitWithAck('visitor:page', page('https://shop.example/'));
      const before = await server.store.getVisitorProfile('demo', visitor.visitorId);

      const badIdentities: unknown[] = [
        {},
        { email: 'not an address' },
        { name: 'x'.repeat(121) },
        { name: 'Dana', verified: true },
        { name: { $gt: '' } },
        'Dana',
      ];
      for (const payload of badIdentities) {
        const ack = await visitor.socket.emitWithAck('visitor:identify', payload as never);
        expect(ack.ok ? 'accepted' : ack.error.code, JSON.stringify(payload)).toBe('invalid_payload');
      }
      const badPages: unknown[] = [
        { ...page('javascript:alert(1)') },
        { ...page('https://shop.example/'), title: 't'.repeat(301) },
        { ...page(`https://shop.example/${'a'.repeat(2048)}`) },
        { ...page('https://shop.example/'), referrer: 'data:text/html,hi' },
        { ...page('https://shop.example/'), utcOffsetMinutes: 24 * 60 },
        { ...page('https://shop.example/'), extra: 1 },
        { url: 'https://shop.example/' },
      ];
      for (const payload of badPages) {
        const ack = await visitor.socket.emitWithAck('visitor:page', payload as never);
        expect(ack.ok ? 'accepted' : ack.error.code, JSON.stringify(payload).slice(0, 80)).toBe(
          'invalid_payload',
        );
      }
      const typing = await visitor.socket.emitWithAck('typing:update', {
        conversationId: 'nope',
        typing: 'yes',
      } as never);
      expect(typing.ok ? 'accepted' : typing.error.code).toBe('invalid_payload');
      expect(await server.store.getVisitorProfile('demo', visitor.visitorId)).toEqual(before);
    });

    it('lists the earlier conversations of the same visitor only, in pages', async () => {
      const visitor = await visitorWithBrowser();
      const first = await startConversation(visitor.socket, 'Do you ship to Norway?');
      expect((await agent.emitWithAck('conversation:claim', { conversationId: first })).ok).toBe(true);
      expect((await agent.emitWithAck('conversation:close', { conversationId: first })).ok).toBe(true);
      const second = await startConversation(visitor.socket, 'Hello again, about my order');
      expect(second).not.toBe(first);
      const other = await visitorWithBrowser();
      const othersConversation = await startConversation(other.socket);

      const earlier = await agent.emitWithAck('visitor:conversations', { conversationId: second });
      expect(earlier.ok && earlier.data.conversations.map((c) => c.id)).toEqual([first]);
      expect(earlier.ok && earlier.data.next).toBeNull();

      const fromFirst = await agent.emitWithAck('visitor:conversations', { conversationId: first, limit: 1 });
      expect(fromFirst.ok && fromFirst.data.conversations.map((c) => c.id)).toEqual([second]);

      // The same e-mail claimed by another visitor joins nothing: an identity is a claim, not a key.
      await visitor.socket.emitWithAck('visitor:identify', { email: 'dana@example.com' });
      await other.socket.emitWithAck('visitor:identify', { email: 'dana@example.com' });
      const none = await agent.emitWithAck('visitor:conversations', { conversationId: othersConversation });
      expect(none.ok && none.data.conversations).toEqual([]);
      const sync = await other.socket.emitWithAck('conversation:sync', {
        conversationId: first,
        afterSeq: 0,
      });
      expect(sync.ok && sync.data.conversation?.id).toBe(othersConversation);

      const unknown = await agent.emitWithAck('visitor:conversations', { conversationId: 'conv_missing' });
      expect(unknown.ok ? 'ok' : unknown.error.code).toBe('not_found');
      const badLimit = await agent.emitWithAck('visitor:conversations', {
        conversationId: second,
        limit: 500,
      });
      expect(badLimit.ok ? 'ok' : badLimit.error.code).toBe('invalid_payload');
    });

    it('pages through many earlier conversations with the cursor', async () => {
      const visitor = await visitorWithBrowser();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const id = await startConversation(visitor.socket, `Question number ${i + 1} about candles`);
        ids.push(id);
        await agent.emitWithAck('conversation:claim', { conversationId: id });
        await agent.emitWithAck('conversation:close', { conversationId: id });
      }
      const current = await startConversation(visitor.socket, 'And one more question');
      const seen: string[] = [];
      let before: { updatedAt: string; id: string } | undefined;
      for (let guard = 0; guard < 5; guard++) {
        const ack = await agent.emitWithAck('visitor:conversations', {
          conversationId: current,
          limit: 2,
          before,
        });
        if (!ack.ok) throw new Error(ack.error.code);
        seen.push(...ack.data.conversations.map((c) => c.id));
        if (!ack.data.next) break;
        before = ack.data.next;
      }
      expect(seen).toEqual([...ids].reverse());
    });
  });

  describe('typing indicators', () => {
    it("relays the customer's typing to the agents watching that conversation only, never to another visitor", async () => {
      const first = await visitorWithBrowser();
      const second = await visitorWithBrowser();
      const firstConversation = await startConversation(first.socket);
      const secondConversation = await startConversation(second.socket);
      const watcher = agent;
      await watch(watcher, firstConversation);
      const bystander = await server.connectAgent((await server.createAgent({ name: 'Not Watching' })).token);
      await watch(bystander, secondConversation);

      const secondSaw = collectEvents(second.socket as never, 'customer:typing');
      const secondAgentTyping = collectEvents(second.socket as never, 'agent:typing');
      const bystanderSaw = collectEvents<{ conversationId: string }>(bystander as never, 'customer:typing');
      const shown = waitForEvent(
        watcher as never,
        'customer:typing',
        (e: { conversationId: string; typing: boolean }) =>
          e.conversationId === firstConversation && e.typing,
      );
      expect(
        await first.socket.emitWithAck('typing:update', { conversationId: firstConversation, typing: true }),
      ).toEqual({
        ok: true,
        data: null,
      });
      await shown;
      const stopped = waitForEvent(
        watcher as never,
        'customer:typing',
        (e: { typing: boolean }) => !e.typing,
      );
      await first.socket.emitWithAck('typing:update', { conversationId: firstConversation, typing: false });
      await stopped;

      // Another visitor's conversation is not theirs to type in.
      const foreign = await second.socket.emitWithAck('typing:update', {
        conversationId: firstConversation,
        typing: true,
      });
      expect(foreign.ok ? 'ok' : foreign.error.code).toBe('not_found');

      await visitorRoundTrip(second.socket);
      await roundTrip(bystander);
      expect(secondSaw).toEqual([]);
      expect(secondAgentTyping).toEqual([]);
      expect(bystanderSaw.filter((e) => e.conversationId === firstConversation)).toEqual([]);
    });

    it("relays the owning agent's typing to that visitor's sockets only", async () => {
      const customer = await visitorWithBrowser();
      const conversationId = await startConversation(customer.socket);
      const secondTab = await server.connectVisitor({ token: customer.token });
      const stranger = await visitorWithBrowser();
      await startConversation(stranger.socket);
      const strangerSaw = collectEvents(stranger.socket as never, 'agent:typing');

      // Before a claim nobody may look as if replying.
      const early = await agent.emitWithAck('typing:update', { conversationId, typing: true });
      expect(early.ok ? 'ok' : early.error.code).toBe('invalid_state');
      expect((await agent.emitWithAck('conversation:claim', { conversationId })).ok).toBe(true);
      const other = await server.connectAgent((await server.createAgent({ name: 'Other Agent' })).token);
      const notMine = await other.emitWithAck('typing:update', { conversationId, typing: true });
      expect(notMine.ok ? 'ok' : notMine.error.code).toBe('not_owner');

      const inFirstTab = waitForEvent(customer.socket as never, 'agent:typing');
      const inSecondTab = waitForEvent(secondTab.socket as never, 'agent:typing');
      expect((await agent.emitWithAck('typing:update', { conversationId, typing: true })).ok).toBe(true);
      const expected = { conversationId, agent: { name: 'Sam Agent' }, typing: true };
      expect(await inFirstTab).toMatchObject(expected);
      expect(await inSecondTab).toMatchObject(expected);

      await visitorRoundTrip(stranger.socket);
      expect(strangerSaw).toEqual([]);
    });

    it('refuses a flood of typing events on one socket with rate_limited, relaying none of the excess', async () => {
      const customer = await visitorWithBrowser();
      const conversationId = await startConversation(customer.socket);
      await watch(agent, conversationId);
      const relayed = collectEvents<{ conversationId: string }>(agent as never, 'customer:typing');
      frozenAt = new Date();
      try {
        const codes: string[] = [];
        for (let i = 0; i < 20; i++) {
          const ack = await customer.socket.emitWithAck('typing:update', { conversationId, typing: true });
          codes.push(ack.ok ? 'ok' : ack.error.code);
        }
        expect(codes.filter((c) => c === 'ok')).toHaveLength(15);
        expect(codes.slice(15)).toEqual(Array(5).fill('rate_limited'));
        await roundTrip(agent);
        expect(relayed.filter((e) => e.conversationId === conversationId)).toHaveLength(15);
      } finally {
        frozenAt = null;
      }
    });
  });
});
