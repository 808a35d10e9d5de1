import type { ApiError } from '@hitl/shared/errors';
import type { Conversation, Message } from '@hitl/shared/models';
import type { FeaturesResponse } from '@hitl/shared/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';
import { startTestServer, type TestServer, type WidgetClient } from '../support/test-server';
import { waitForEvent } from '../support/wait-for';

const FROM = 'Harbor & Pine Support <help@shop.example>';

async function call(server: TestServer, token: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as { message?: Message; error?: ApiError } };
}

const reply = (server: TestServer, token: string | null, conversationId: string, body: unknown) =>
  call(server, token, 'POST', `/api/conversations/${conversationId}/email-replies`, body);

/** A customer asks for a person while nobody is online, then leaves an e-mail, from a real widget socket. */
async function leaveContact(
  server: TestServer,
  email: string,
): Promise<{ id: string; socket: WidgetClient }> {
  const { socket } = await server.connectVisitor();
  const offline = waitForEvent<Message>(
    socket as never,
    'message:created',
    (m) => m.notice === 'no_agent_online',
  );
  const sent = await socket.emitWithAck('message:send', {
    clientId: crypto.randomUUID(),
    text: 'Where is my tent? I want to talk to a person',
  });
  if (!sent.ok) throw new Error(sent.error.message);
  await offline;
  const left = await socket.emitWithAck('contact:leave', {
    conversationId: sent.data.conversation.id,
    email,
  });
  if (!left.ok) throw new Error(left.error.message);
  return { id: sent.data.conversation.id, socket };
}

describe('replying by e-mail to a left contact, over a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  let token: string;
  /** Conversations whose customer left an e-mail, all left before any agent console connects. */
  const left = { jane: '', omar: '', lee: '' };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({ SMTP_URL: smtp.url, SMTP_FROM: FROM });
    ({ token } = await server.createAgent({ name: 'Sam Support' }));
    for (const name of ['jane', 'omar', 'lee'] as const)
      left[name] = (await leaveContact(server, `${name}@example.com`)).id;
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  it('tells the console that e-mail replies are on, and from whom', async () => {
    const { body } = await call(server, token, 'GET', '/api/features');
    expect(body as unknown as FeaturesResponse).toEqual({
      emailReplies: { enabled: true, from: 'help@shop.example' },
    });
  });

  it('sends the reply, threads the next one, stores both as sent, audits them and pushes them live', async () => {
    const id = left.jane;
    // An agent console watching the conversation.
    const console = await server.connectAgent(token);
    const watched = await console.emitWithAck('conversation:watch', { conversationId: id });
    expect(watched.ok).toBe(true);
    const created = waitForEvent<Message>(console as never, 'message:created', (m) => m.email !== undefined);
    const updated = waitForEvent<Message>(
      console as never,
      'message:updated',
      (m) => m.email?.status === 'sent',
    );

    const first = await reply(server, token, id, {
      clientId: crypto.randomUUID(),
      text: 'Your tent left our warehouse today.\nTracking: <HP-123> & more',
    });
    expect(first.status).toBe(201);
    const firstMessage = first.body.message as Message;
    expect(firstMessage).toMatchObject({
      role: 'agent',
      visibility: 'public',
      author: { name: 'Sam Support' },
      email: {
        to: 'jane@example.com',
        subject: 'Your conversation with Harbor & Pine',
        status: 'sent',
        attempts: 1,
        inReplyTo: null,
        references: [],
        error: null,
      },
    });
    expect(firstMessage.email?.messageId).toBe(`<${firstMessage.id}@shop.example>`);
    expect((await created).email?.status).toBe('pending');
    expect((await updated).id).toBe(firstMessage.id);

    const mail = await smtp.nextMail();
    expect(mail.envelope).toEqual({ from: 'help@shop.example', to: ['jane@example.com'] });
    expect(mail.mail.from?.value).toEqual([{ name: 'Harbor & Pine Support', address: 'help@shop.example' }]);
    expect(mail.mail.to).toMatchObject({ value: [{ address: 'jane@example.com' }] });
    expect(mail.mail.subject).toBe('Your conversation with Harbor & Pine');
    expect(mail.mail.messageId).toBe(firstMessage.email?.messageId);
    expect(mail.mail.inReplyTo).toBeUndefined();
    expect(mail.mail.text).toContain('Your tent left our warehouse today.\nTracking: <HP-123> & more');
    expect(mail.mail.text).toContain('— Sam Support, Harbor & Pine');
    expect(mail.mail.text).toContain('> You: Where is my tent? I want to talk to a person');
    expect(mail.mail.html).toContain('Tracking: &lt;HP-123&gt; &amp; more');
    expect(mail.mail.html).not.toContain('<HP-123>');

    const second = await reply(server, token, id, {
      clientId: crypto.randomUUID(),
      text: 'It arrives Friday.',
    });
    expect(second.status).toBe(201);
    const secondMail = await smtp.nextMail();
    expect(secondMail.mail.subject).toBe('Re: Your conversation with Harbor & Pine');
    expect(secondMail.mail.inReplyTo).toBe(firstMessage.email?.messageId);
    expect(secondMail.mail.references).toBe(firstMessage.email?.messageId);
    // The first reply is part of the conversation now, so it is quoted under the second.
    expect(secondMail.mail.text).toContain('> Sam Support: Your tent left our warehouse today.');

    const stored = await call(server, token, 'GET', `/api/conversations/${id}`);
    const messages = (stored.body as unknown as { messages: Message[] }).messages.filter((m) => m.email);
    expect(messages.map((m) => [m.text, m.email?.status, m.email?.inReplyTo])).toEqual([
      ['Your tent left our warehouse today.\nTracking: <HP-123> & more', 'sent', null],
      ['It arrives Friday.', 'sent', firstMessage.email?.messageId],
    ]);
    const audit = (await server.store.listAudit(50)).filter((e) => e.target === id);
    expect(audit.map((e) => [e.action, e.data.messageId])).toEqual([
      ['email.sent', second.body.message?.id],
      ['email.sent', firstMessage.id],
    ]);
  });

  it('a refused send is stored as failed with email_failed; the retry sends it once and never again', async () => {
    const id = left.omar;
    const clientId = crypto.randomUUID();
    const body = { clientId, text: 'We refunded your order.' };
    const before = smtp.received.length;

    smtp.rejectRecipients(550);
    const refused = await reply(server, token, id, body);
    smtp.rejectRecipients(null);
    expect(refused.status).toBe(502);
    expect(refused.body.error?.code).toBe('email_failed');
    expect(refused.body.error?.message).toContain('refused the message (550)');
    expect(smtp.received.length).toBe(before);
    const [failed] = (await server.store.listMessages(id, { afterSeq: 0, includeInternal: true })).filter(
      (m) => m.email,
    );
    expect(failed?.email).toMatchObject({ status: 'failed', attempts: 1, sentAt: null });

    const retried = await reply(server, token, id, body);
    expect(retried.status).toBe(201);
    expect(retried.body.message).toMatchObject({
      id: failed?.id,
      email: { status: 'sent', attempts: 2, error: null },
    });
    const mail = await smtp.nextMail();
    expect(mail.mail.messageId).toBe(failed?.email?.messageId);

    // Sent is final: the same request again answers the stored reply and sends nothing.
    const again = await reply(server, token, id, body);
    expect(again.status).toBe(201);
    expect(again.body.message?.email).toEqual(retried.body.message?.email);
    expect(smtp.received.length).toBe(before + 1);
    const actions = (await server.store.listAudit(50)).filter((e) => e.target === id).map((e) => e.action);
    expect(actions).toEqual(['email.sent', 'email.failed']);
  });

  it('refuses without a session, in a conversation another agent owns, without a left e-mail, and bad input', async () => {
    const id = left.lee;
    const text = 'Hello from support.';
    expect((await reply(server, null, id, { clientId: crypto.randomUUID(), text })).status).toBe(401);

    const owner = await server.createAgent({ name: 'Olive Owner' });
    const ownerSocket = await server.connectAgent(owner.token);
    const claimed = await ownerSocket.emitWithAck('conversation:claim', { conversationId: id });
    expect(claimed.ok).toBe(true);
    const notOwner = await reply(server, token, id, { clientId: crypto.randomUUID(), text });
    expect([notOwner.status, notOwner.body.error?.code]).toEqual([403, 'not_owner']);
    const byOwner = await reply(server, owner.token, id, { clientId: crypto.randomUUID(), text });
    expect(byOwner.body.message?.email?.status).toBe('sent');

    const { socket } = await server.connectVisitor();
    const sent = await socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text: 'hi' });
    if (!sent.ok) throw new Error(sent.error.message);
    const noContact = await reply(server, token, sent.data.conversation.id, {
      clientId: crypto.randomUUID(),
      text,
    });
    expect([noContact.status, noContact.body.error?.code]).toEqual([409, 'invalid_state']);

    const before = smtp.received.length;
    for (const bad of [{ clientId: crypto.randomUUID(), text: '   ' }, { text }, { clientId: 'x', text }]) {
      const res = await reply(server, token, id, bad);
      expect([res.status, res.body.error?.code]).toEqual([400, 'invalid_payload']);
    }
    expect((await reply(server, token, 'cnv_missing', { clientId: crypto.randomUUID(), text })).status).toBe(
      404,
    );
    expect(smtp.received.length).toBe(before);
    const conversation = (await server.store.getConversation(id)) as Conversation;
    expect(conversation.state).toBe('agent');
  });
});

describe('without SMTP_URL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('the console is told e-mail replies are off, and a reply is refused with email_not_configured', async () => {
    const { token } = await server.createAgent();
    const { body } = await call(server, token, 'GET', '/api/features');
    expect(body as unknown as FeaturesResponse).toEqual({ emailReplies: { enabled: false, from: null } });
    const { id } = await leaveContact(server, 'jane@example.com');
    const res = await reply(server, token, id, { clientId: crypto.randomUUID(), text: 'Hello' });
    expect([res.status, res.body.error?.code]).toEqual([409, 'email_not_configured']);
    const messages = await server.store.listMessages(id, { afterSeq: 0, includeInternal: true });
    expect(messages.filter((m) => m.role === 'agent')).toEqual([]);
  });
});
