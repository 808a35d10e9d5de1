import type { Message } from '@hitl/shared/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintStore } from '../support/store-fingerprint';
import {
  type AgentClient,
  startTestServer,
  type TestServer,
  type WidgetClient,
} from '../support/test-server';
import { waitForEvent } from '../support/wait-for';

/**
 * An agent's reply is a training example (`human_answer`) only when the agent marks it as the answer:
 * a greeting after an escalation is not one. Marking is idempotent and can be taken back before review.
 */
let server: TestServer;
let alex: AgentClient;
let sam: AgentClient;
let reviewerToken: string;

beforeAll(async () => {
  server = await startTestServer();
  alex = await server.connectAgent((await server.createAgent({ name: 'Alex' })).token);
  sam = await server.connectAgent((await server.createAgent({ name: 'Sam' })).token);
  reviewerToken = (await server.createAgent({ name: 'Rita', role: 'reviewer' })).token;
});
afterAll(() => server.close());

const QUESTION = 'Can you recommend a good car insurance company?';

/** A customer asks what the bot cannot answer; Alex claims and greets, then answers. */
async function escalatedAndAnswered(): Promise<{
  visitor: WidgetClient;
  conversationId: string;
  greeting: Message;
  answer: Message;
}> {
  const { socket: visitor } = await server.connectVisitor();
  const escalated = waitForEvent<Message>(
    visitor as never,
    'message:created',
    (m) => m.notice === 'escalated',
  );
  const first = await visitor.emitWithAck('message:send', { clientId: crypto.randomUUID(), text: QUESTION });
  if (!first.ok) throw new Error(first.error.message);
  await escalated;
  const conversationId = first.data.conversation.id;
  const claim = await alex.emitWithAck('conversation:claim', { conversationId });
  if (!claim.ok) throw new Error(claim.error.message);
  const say = async (text: string) => {
    const sent = await alex.emitWithAck('message:send', {
      conversationId,
      clientId: crypto.randomUUID(),
      text,
    });
    if (!sent.ok) throw new Error(sent.error.message);
    return sent.data.message;
  };
  const greeting = await say('Hi, Alex here, one moment please.');
  const answer = await say('We sell outdoor gear, so we cannot recommend an insurer. Sorry!');
  return { visitor, conversationId, greeting, answer };
}

const answersOf = async (conversationId: string) =>
  (await server.store.listCorrections({ status: 'any', kind: 'human_answer' })).filter(
    (c) => c.conversationId === conversationId,
  );

describe('human answers are recorded only when marked', () => {
  it('records nothing for replies nobody marked, the greeting included', async () => {
    const { visitor, conversationId } = await escalatedAndAnswered();
    await server.settle(visitor);
    expect(await answersOf(conversationId)).toEqual([]);
  });

  it('marking records exactly one, with the question, its context and the withheld reply', async () => {
    const { conversationId, answer } = await escalatedAndAnswered();
    const watch = await alex.emitWithAck('conversation:watch', { conversationId, afterSeq: 0 });
    expect(watch.ok).toBe(true);
    const updated = waitForEvent<Message>(alex as never, 'message:updated', (m) => m.id === answer.id);
    const [one, two] = await Promise.all([
      alex.emitWithAck('answer:mark', { messageId: answer.id, marked: true }),
      alex.emitWithAck('answer:mark', { messageId: answer.id, marked: true }),
    ]);
    const again = await alex.emitWithAck('answer:mark', { messageId: answer.id, marked: true });
    if (!one.ok || !two.ok || !again.ok) throw new Error('a mark was refused');
    expect(new Set([one.data.correction?.id, two.data.correction?.id, again.data.correction?.id]).size).toBe(
      1,
    );
    expect((await updated).correctionId).toBe(one.data.correction?.id);

    const stored = await answersOf(conversationId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      messageId: answer.id,
      kind: 'human_answer',
      correctedText: answer.text,
      agent: { name: 'Alex' },
      review: { status: 'pending' },
    });
    // The context ends with the question; the greeting written after it is not part of it.
    expect(stored[0]?.context).toEqual([{ role: 'customer', text: QUESTION }]);
    expect(stored[0]?.original.text).not.toBe('');
    expect(stored[0]?.note).toContain('low_confidence');
    expect((await server.store.getMessage(answer.id))?.correctionId).toBe(stored[0]?.id);
    const audited = (await server.store.listAudit(500)).filter((e) => e.target === stored[0]?.id);
    expect(audited.map((e) => e.action)).toEqual(['correction.created']);
  });

  it('only the reply’s author may mark it, and only an agent’s public reply', async () => {
    const { visitor, conversationId, answer } = await escalatedAndAnswered();
    const before = await fingerprintStore(server.store);
    expect(await sam.emitWithAck('answer:mark', { messageId: answer.id, marked: true })).toMatchObject({
      ok: false,
      error: { code: 'not_owner' },
    });
    const messages = await server.store.listMessages(conversationId, { afterSeq: 0, includeInternal: true });
    const question = messages.find((m) => m.role === 'customer') as Message;
    expect(await alex.emitWithAck('answer:mark', { messageId: question.id, marked: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_state' },
    });
    const visitorAck = await (visitor as never as AgentClient)
      .timeout(5000)
      .emitWithAck('answer:mark', { messageId: answer.id, marked: true });
    expect(visitorAck).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
    expect(await fingerprintStore(server.store)).toBe(before);
  });

  it('bad input gets invalid_payload or not_found and changes nothing', async () => {
    const before = await fingerprintStore(server.store);
    for (const bad of [
      {},
      { messageId: 'msg_1' },
      { messageId: 'msg_1', marked: 'yes' },
      { messageId: { $gt: '' }, marked: true },
      { messageId: 'msg_1', marked: true, extra: 1 },
    ]) {
      expect(await alex.emitWithAck('answer:mark', bad as never)).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
    }
    expect(await alex.emitWithAck('answer:mark', { messageId: 'msg_missing', marked: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await fingerprintStore(server.store)).toBe(before);
  });
  // Last: the approved answer is taught to the bot, which then answers the question itself.
  it('unmarking before review removes it; marking again records it again; after review it stays', async () => {
    const { conversationId, answer } = await escalatedAndAnswered();
    const first = await alex.emitWithAck('answer:mark', { messageId: answer.id, marked: true });
    if (!first.ok || !first.data.correction) throw new Error('mark refused');
    // Every console's corrections list is told it is gone.
    const withdrawn = waitForEvent<{ id: string }>(sam as never, 'correction:withdrawn');
    const unmarked = await alex.emitWithAck('answer:mark', { messageId: answer.id, marked: false });
    expect(await withdrawn).toEqual({ id: first.data.correction.id });
    expect(unmarked).toMatchObject({ ok: true, data: { correction: null, message: { correctionId: null } } });
    expect(await answersOf(conversationId)).toEqual([]);
    expect(await alex.emitWithAck('answer:mark', { messageId: answer.id, marked: false })).toMatchObject({
      ok: true,
    });

    const marked = await alex.emitWithAck('answer:mark', { messageId: answer.id, marked: true });
    if (!marked.ok || !marked.data.correction) throw new Error('mark refused');
    const review = await fetch(`${server.url}/api/corrections/${marked.data.correction.id}/review`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${reviewerToken}` },
      body: JSON.stringify({ status: 'approved' }),
    });
    expect(review.status).toBe(200);
    const late = await alex.emitWithAck('answer:mark', { messageId: answer.id, marked: false });
    expect(late).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(late.ok || late.error.message).toContain('approved by Rita');
    expect(await answersOf(conversationId)).toHaveLength(1);
  });
});
