import type { Message } from '@hitl/shared/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../apps/server/src/knowledge/knowledge-base';
import { heldModelBuilds } from '../../apps/server/src/responder/held-model-builds';
import { offlineModelId } from '../../apps/server/src/responder/offline-responder';
import { startThreadedOfflineResponder } from '../../apps/server/src/responder/threaded-offline-responder';
import type { RetrainEvent } from '../../apps/server/src/services/retrain-scheduler';
import { askAsCustomer, type Login } from '../support/knowledge-api';
import { type AgentClient, startTestServer, type TestServer } from '../support/test-server';

/** No article covers gift wrapping; the corrected question, then ways a customer would ask the same. */
const GIFT_WRAP = 'do you sell gift wrapping?';
const GIFT_WRAP_ANSWER =
  'Yes! Gift wrapping is $5 per order: tick “Gift wrap” at checkout and add a card message.';
const PARAPHRASES = [
  'Can you gift wrap my order?',
  'Is gift wrapping available?',
  'do you offer gift wrap?',
  'How much is gift wrapping?',
  'can I get it wrapped as a gift?',
  'Do you do gift wrap at checkout?',
  'I want my parcel gift wrapped',
  'can you wrap it as a present?',
];
/** Near in words (gift cards) or far (shipping, tents): none of them is about gift wrapping. */
const UNRELATED = ['do you sell gift cards?', 'how long does shipping take?', 'do you rent tents?'];

/** The customer, agent and reviewer steps both suites share. */
function supportSteps(server: () => TestServer) {
  /** A new customer asks `text`; resolves with the bot's public reply or the escalation notice. */
  async function ask(text: string): Promise<{ reply: Message; conversationId: string }> {
    return askAsCustomer((await server().connectVisitor()).socket, text);
  }

  /** The bot's reply as stored, sent or withheld. */
  async function storedBotReply(conversationId: string): Promise<Message> {
    const messages = await server().store.listMessages(conversationId, {
      afterSeq: 0,
      includeInternal: true,
    });
    const reply = messages.findLast((m) => m.role === 'bot');
    if (!reply) throw new Error('the bot did not reply');
    return reply;
  }

  /** The customer asks, the agent corrects the bot's reply (sent or withheld), the reviewer approves. */
  async function correctAndApprove(agent: AgentClient, reviewer: Login, question: string, answer: string) {
    const { conversationId } = await ask(question);
    const wrong = await storedBotReply(conversationId);
    expect(wrong.text).not.toBe(answer);
    const ack = await agent.emitWithAck('correction:create', {
      messageId: wrong.id,
      correctedText: answer,
      reasons: ['wrong_fact'],
    });
    if (!ack.ok) throw new Error(ack.error.message);
    const res = await fetch(`${server().url}/api/corrections/${ack.data.correction.id}/review`, {
      method: 'POST',
      headers: { authorization: `Bearer ${reviewer.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'approved', expectedStatus: 'pending' }),
    });
    expect(res.status).toBe(200);
  }

  async function startPeople() {
    const agentLogin = await server().createAgent({ name: 'Ana Agent', role: 'agent' });
    const reviewer = await server().createAgent({ name: 'Rita Reviewer', role: 'reviewer' });
    return { agent: await server().connectAgent(agentLogin.token), reviewer };
  }

  return { ask, storedBotReply, correctAndApprove, startPeople };
}

describe('an approved correction helps its paraphrases at once', () => {
  let server: TestServer;
  let threshold: number;
  const steps = supportSteps(() => server);

  beforeAll(async () => {
    server = await startTestServer();
    threshold = server.app.ctx.policy().confidenceThreshold;
    const { agent, reviewer } = await steps.startPeople();
    await steps.correctAndApprove(agent, reviewer, GIFT_WRAP, GIFT_WRAP_ANSWER);
  });
  afterAll(() => server?.close());

  it.each(PARAPHRASES)('"%s" gets the corrected answer, confidently', async (question) => {
    const { reply } = await steps.ask(question);
    expect(reply).toMatchObject({ role: 'bot', visibility: 'public', text: GIFT_WRAP_ANSWER });
    expect(reply.bot?.confidence).toBeGreaterThanOrEqual(threshold);
  });

  // Known limit of the current model: the hyphenated form gets the right answer, but with a confidence
  // far below the threshold (0.18), so it is escalated. Remove `.fails` once the model handles it.
  it.fails('"Could my order be gift-wrapped?" gets the corrected answer, confidently', async () => {
    const { reply } = await steps.ask('Could my order be gift-wrapped?');
    expect(reply).toMatchObject({ role: 'bot', visibility: 'public', text: GIFT_WRAP_ANSWER });
    expect(reply.bot?.confidence).toBeGreaterThanOrEqual(threshold);
  });

  it.each(UNRELATED)('"%s" does not get it', async (question) => {
    const { conversationId } = await steps.ask(question);
    expect((await steps.storedBotReply(conversationId)).text).not.toBe(GIFT_WRAP_ANSWER);
  });
});

describe('approved corrections retrain the model in the background', () => {
  let server: TestServer;
  const steps = supportSteps(() => server);
  const held = heldModelBuilds();
  const events: RetrainEvent[] = [];

  beforeAll(async () => {
    server = await startTestServer(
      { RETRAIN_AFTER_CORRECTIONS: '1' },
      {
        responder: () =>
          startThreadedOfflineResponder({ articles: loadKnowledgeBase(), startModel: held.startModel }),
      },
    );
    server.app.ctx.retrainScheduler?.onEvent((event) => events.push(event));
  });
  afterAll(() => server?.close());

  it('keeps answering from the old model while the retrain runs, then answers from the new one', async () => {
    const scheduler = server.app.ctx.retrainScheduler;
    if (!scheduler) throw new Error('the offline responder should be retrained');
    const first = await steps.ask('how long does shipping take?');
    expect((await steps.storedBotReply(first.conversationId)).bot?.modelVersion).toBe(`${offlineModelId}+r0`);

    const { agent, reviewer } = await steps.startPeople();
    await steps.correctAndApprove(agent, reviewer, GIFT_WRAP, GIFT_WRAP_ANSWER);
    expect(events.map((event) => event.type)).toEqual(['started']);
    expect(held.builds).toBe(2);

    // The new model is held before it is built: every answer now comes while the retrain runs, from the
    // old model, which learned the correction at once.
    for (const question of ['how long does shipping take?', PARAPHRASES[0]!]) {
      const { conversationId } = await steps.ask(question);
      const stored = await steps.storedBotReply(conversationId);
      expect(stored.bot?.modelVersion).toBe(`${offlineModelId}+r0`);
      expect(stored.text === GIFT_WRAP_ANSWER).toBe(question === PARAPHRASES[0]);
    }
    expect(events.map((event) => event.type)).toEqual(['started']);

    const finished = new Promise<RetrainEvent>((resolve) => scheduler.onEvent(resolve));
    held.release(1);
    expect(await finished).toMatchObject({
      type: 'finished',
      report: { version: `${offlineModelId}+r1`, trainedExamples: 1, appliedOnTop: 0 },
    });
    const { reply, conversationId } = await steps.ask(PARAPHRASES[1]!);
    expect(reply).toMatchObject({ role: 'bot', text: GIFT_WRAP_ANSWER });
    expect((await steps.storedBotReply(conversationId)).bot?.modelVersion).toBe(`${offlineModelId}+r1`);
  });
});
