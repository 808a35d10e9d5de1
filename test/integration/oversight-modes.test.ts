import type { Conversation, Message } from '@hitl/shared/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type WidgetClient } from '../support/test-server';
import { collectEvents, waitForEvent } from '../support/wait-for';

const send = (socket: WidgetClient, text: string, conversationId?: string) =>
  socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text, conversationId });

function nextMessage(socket: WidgetClient, match: (m: Message) => boolean) {
  return waitForEvent<Message>(socket as never, 'message:created', match);
}

describe('approval mode: no bot reply reaches the customer before an agent approves it', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ OVERSIGHT_MODE: 'approval' });
  });
  afterAll(() => server.close());

  async function heldDraft() {
    const agent = await server.connectAgent((await server.createAgent({ name: 'Rev Iewer' })).token);
    const { socket } = await server.connectVisitor();
    const seen = collectEvents<Message>(socket as never, 'message:created');
    const draftCreated = waitForEvent<Message>(agent as never, 'draft:created');
    const reviewing = nextMessage(socket, (m) => m.notice === 'reviewing');
    await send(socket, 'how long does shipping take?');
    const draft = await draftCreated;
    await reviewing;
    expect(draft).toMatchObject({ role: 'bot', visibility: 'internal', draft: { status: 'pending' } });
    expect(seen.filter((m) => m.role === 'bot')).toHaveLength(0);
    return { agent, socket, draft };
  }

  it('approve sends the draft as it is, once', async () => {
    const { agent, socket, draft } = await heldDraft();
    const published = nextMessage(socket, (m) => m.role === 'bot');
    const ack = await agent.emitWithAck('draft:approve', { messageId: draft.id, timeSpentMs: 4_200 });
    expect(ack.ok && ack.data.draft.draft?.status).toBe('approved');
    // The time the console measured is kept with the review (the analytics' expert time).
    expect((await server.store.getMessage(draft.id))?.draft?.timeSpentMs).toBe(4_200);
    expect((await published).text).toBe(draft.text);
    expect(await agent.emitWithAck('draft:approve', { messageId: draft.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect((await server.store.listPendingDrafts(50)).map((d) => d.id)).not.toContain(draft.id);
  });

  it('edit sends the agent’s version as the assistant and records an edited_draft correction', async () => {
    const { agent, socket, draft } = await heldDraft();
    const published = nextMessage(socket, (m) => m.role === 'bot');
    const ack = await agent.emitWithAck('draft:edit', {
      messageId: draft.id,
      text: 'Standard shipping takes 3–5 business days.',
      reasons: ['incomplete'],
      timeSpentMs: 1500,
    });
    expect(ack.ok).toBe(true);
    expect((await published).text).toBe('Standard shipping takes 3–5 business days.');
    if (!ack.ok) return;
    expect(await server.store.getCorrection(ack.data.correction?.id ?? '')).toMatchObject({
      kind: 'edited_draft',
      messageId: draft.id,
      original: { text: draft.text },
      correctedText: 'Standard shipping takes 3–5 business days.',
    });
  });

  it('reject sends the agent’s own reply under their name and records a rejected_draft correction', async () => {
    const { agent, socket, draft } = await heldDraft();
    const published = nextMessage(socket, (m) => m.role === 'agent');
    const ack = await agent.emitWithAck('draft:reject', {
      messageId: draft.id,
      text: 'Let me check your order myself.',
      reasons: ['policy'],
    });
    expect(ack.ok && ack.data.correction?.kind).toBe('rejected_draft');
    expect((await published).author?.name).toBe('Rev Iewer');
  });

  it('of concurrent reviews of one draft exactly one wins', async () => {
    const { agent, draft } = await heldDraft();
    const other = await server.connectAgent((await server.createAgent()).token);
    const results = await Promise.all([
      agent.emitWithAck('draft:approve', { messageId: draft.id }),
      other.emitWithAck('draft:edit', { messageId: draft.id, text: 'x', reasons: ['tone'] }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});

describe('supervised mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ OVERSIGHT_MODE: 'supervised' });
  });
  afterAll(() => server.close());

  it.each([
    ['a legal threat', 'I am going to sue you and call my lawyer', 'topic_rule'],
    ['an upset customer', 'I hate you, this is the worst, awful, terrible service!', 'negative_sentiment'],
    ['a card number', 'my card is 4111 1111 1111 1111, can you charge it again?', 'sensitive_data'],
  ])('escalates %s with its reason', async (_name, text, signal) => {
    const agent = await server.connectAgent((await server.createAgent()).token);
    const { socket } = await server.connectVisitor();
    const escalated = waitForEvent<Conversation>(agent as never, 'conversation:escalated');
    await send(socket, text);
    const conversation = await escalated;
    expect(conversation.reasons.map((r) => r.signal)).toContain(signal);
  });

  it('a per-topic mode overrides the global one: privacy answers are held for approval', async () => {
    const agent = await server.connectAgent((await server.createAgent()).token);
    const { socket } = await server.connectVisitor();
    const seen = collectEvents<Message>(socket as never, 'message:created');
    const draftCreated = waitForEvent<Message>(agent as never, 'draft:created');
    await send(socket, 'What personal data do you keep about me?');
    const draft = await draftCreated;
    expect(draft.bot?.topic).toBe('privacy');
    expect(server.app.ctx.policy().mode).toBe('supervised');
    expect(seen.filter((m) => m.role === 'bot')).toHaveLength(0);
    // A shipping question in the same server is answered directly.
    const answered = nextMessage(socket, (m) => m.role === 'bot');
    await send(socket, 'how long does shipping take?');
    expect((await answered).bot?.topic).toBe('shipping');
  });

  it('an agent can take over from the bot at any moment; the bot then stays silent', async () => {
    const agent = await server.connectAgent((await server.createAgent()).token);
    const { socket } = await server.connectVisitor();
    const answered = nextMessage(socket, (m) => m.role === 'bot');
    const ack = await send(socket, 'do you ship to canada?');
    await answered;
    if (!ack.ok) throw new Error('send failed');
    const claim = await agent.emitWithAck('conversation:claim', { conversationId: ack.data.conversation.id });
    expect(claim.ok && claim.data.conversation.state).toBe('agent');
    const seen = collectEvents<Message>(socket as never, 'message:created');
    await send(socket, 'what are your store hours?', ack.data.conversation.id);
    await server.settle(socket);
    expect(seen.filter((m) => m.role === 'bot')).toHaveLength(0);
  });

  it('after a hand-back, earlier angry turns do not trigger a new escalation', async () => {
    const agent = await server.connectAgent((await server.createAgent()).token);
    const { socket } = await server.connectVisitor();
    const escalated = waitForEvent<Conversation>(agent as never, 'conversation:escalated');
    await send(socket, 'This is terrible, I am so angry, worst shop ever!');
    const { id } = await escalated;
    await agent.emitWithAck('conversation:claim', { conversationId: id });
    await send(socket, 'ok thanks for sorting it out', id);
    await agent.emitWithAck('conversation:handback', { conversationId: id });
    const answered = nextMessage(socket, (m) => m.role === 'bot');
    await send(socket, 'What is the warranty on your tents?', id);
    expect((await answered).text).toMatch(/warrant/i);
    expect((await server.store.getConversation(id))?.state).toBe('bot');
  });

  it('with nobody online the customer may leave an e-mail', async () => {
    // A server of its own: no agent connected anywhere.
    const lonely = await startTestServer();
    try {
      const { socket } = await lonely.connectVisitor();
      const offline = nextMessage(socket, (m) => m.notice === 'no_agent_online');
      const ack = await send(socket, 'I want to talk to a person');
      await offline;
      if (!ack.ok) throw new Error('send failed');
      const saved = nextMessage(socket, (m) => m.notice === 'contact_saved');
      const left = await socket.emitWithAck('contact:leave', {
        conversationId: ack.data.conversation.id,
        email: 'Jane@Example.com',
      });
      expect(left.ok && left.data.conversation.contactLeft).toBe(true);
      expect((await saved).text).toContain('jane@example.com');
      expect((await lonely.store.getConversation(ack.data.conversation.id))?.contactEmail).toBe(
        'jane@example.com',
      );
      expect(
        await socket.emitWithAck('contact:leave', {
          conversationId: ack.data.conversation.id,
          email: 'nope',
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
    } finally {
      await lonely.close();
    }
  });
});

describe('autonomous mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ OVERSIGHT_MODE: 'autonomous' });
  });
  afterAll(() => server.close());

  it('answers even when unsure and never escalates on its own', async () => {
    const { socket } = await server.connectVisitor();
    const answered = nextMessage(socket, (m) => m.role === 'bot');
    const ack = await send(socket, 'Can you recommend a good car insurance company?');
    const reply = await answered;
    expect(reply.bot?.confidence).toBeLessThan(0.5);
    if (!ack.ok) throw new Error('send failed');
    await send(socket, 'I will sue you, this is the worst', ack.data.conversation.id);
    await server.settle(socket);
    expect((await server.store.getConversation(ack.data.conversation.id))?.state).toBe('bot');
  });

  it('still honours an explicit request for a person', async () => {
    const { socket } = await server.connectVisitor();
    const state = waitForEvent<{ state: string }>(
      socket as never,
      'conversation:updated',
      (c) => c.state === 'queued',
    );
    await send(socket, 'Can I speak with a human?');
    await state;
  });
});

describe('admins change the policy without a restart, audited', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ OVERSIGHT_MODE: 'supervised' });
  });
  afterAll(() => server.close());

  const put = (token: string, body: unknown) =>
    fetch(`${server.url}/api/admin/policy`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  it('applies a new mode to the next message and records who changed what', async () => {
    const admin = await server.createAgent({ name: 'Ada Admin', role: 'admin' });
    const agent = await server.createAgent({ name: 'Plain Agent' });
    const current = (await (
      await fetch(`${server.url}/api/admin/policy`, { headers: { authorization: `Bearer ${agent.token}` } })
    ).json()) as { policy: Record<string, unknown>; source: string };
    expect(current.source).toBe('default');

    expect((await put(agent.token, { ...current.policy, mode: 'approval' })).status).toBe(403);
    const bad = await put(admin.token, { ...current.policy, confidenceThreshold: 1.5 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain(
      'confidenceThreshold',
    );

    const saved = await put(admin.token, { ...current.policy, mode: 'approval' });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { source: string }).source).toBe('console');

    const { socket } = await server.connectVisitor();
    const reviewing = nextMessage(socket, (m) => m.notice === 'reviewing');
    await send(socket, 'how long does shipping take?');
    await reviewing;

    const audit = (await (
      await fetch(`${server.url}/api/admin/audit`, { headers: { authorization: `Bearer ${admin.token}` } })
    ).json()) as { events: { action: string; actor: { name: string }; data: { changed: string[] } }[] };
    const event = audit.events.find((e) => e.action === 'policy.updated');
    expect(event?.actor.name).toBe('Ada Admin');
    expect(event?.data.changed).toEqual(['mode']);
    expect(
      (await fetch(`${server.url}/api/admin/audit`, { headers: { authorization: `Bearer ${agent.token}` } }))
        .status,
    ).toBe(403);
  });
});
