import type { EscalationSignal } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import { loadEscalationPolicy } from '../policy/load-policy';
import { computeMessageSignals, computeSignals, type SignalInput, withAnswer } from './compute-signals';
import { decideEscalation, type ReplyAction } from './escalation';

const policy = loadEscalationPolicy();
const inputOf = (text: string, partial: Partial<SignalInput> = {}): SignalInput => ({
  text,
  confidence: 0.9,
  topic: null,
  earlierCustomerTexts: [],
  consecutiveLowConfidence: 0,
  modelFailed: false,
  ...partial,
});

describe('computeSignals', () => {
  it('runs every detector on the message', () => {
    const signals = computeSignals(
      inputOf('I want to talk to a person, I will sue. Card 4111 1111 1111 1111', {
        confidence: 0.4,
        topic: 'payments',
      }),
      policy,
    );
    expect(signals.confidence).toBe(0.4);
    expect(signals.topic).toBe('payments');
    expect(signals.explicitRequest).toBe('talk to a person');
    expect(signals.ruleMatches.map((m) => m.ruleId)).toEqual(['legal-threat']);
    expect(signals.sensitiveData.map((f) => f.kind)).toEqual(['card']);
    expect(signals.consecutiveLowConfidence).toBe(0);
    expect(signals.modelFailed).toBe(false);
  });

  it('scores the trend over earlier messages, oldest first, then this one', () => {
    const signals = computeSignals(
      inputOf('This is terrible, I am furious', {
        earlierCustomerTexts: ['Hi, thanks for the help', 'Still waiting.'],
      }),
      policy,
    );
    expect(signals.sentiment?.score).toBeLessThan(-0.4);
    expect(signals.sentiment?.trend.latest).toBe(signals.sentiment?.score);
    expect(signals.sentiment?.trend.worseningStreak).toBe(2);
    expect(signals.sentiment?.trend.slope).toBeLessThan(0);
  });

  it('uses the sentiment scores it is given instead of scoring the texts again', () => {
    const given = [0.5, -0.2, -0.8];
    const message = computeMessageSignals({
      text: 'Thanks, all good',
      earlierCustomerTexts: ['Hi', 'Hello'],
      sentimentScores: given,
      consecutiveLowConfidence: 0,
    });
    expect(message.sentiment?.score).toBe(-0.8);
    expect(message.sentiment?.trend.worseningStreak).toBe(2);
  });

  it('gives the same signals computed at once or as the message first and the answer after', () => {
    const input = inputOf('I will call my lawyer about order 4411, this is ridiculous', {
      confidence: 0.7,
      topic: 'payments',
      earlierCustomerTexts: ['Where is my order?'],
    });
    expect(withAnswer(computeMessageSignals(input), input, policy)).toEqual(computeSignals(input, policy));
  });
});

describe('the default policy on real messages', () => {
  const table: [string, string, Partial<SignalInput>, ReplyAction, EscalationSignal[]][] = [
    ['a plain question answered', 'How long does shipping take?', {}, 'answer', []],
    ['a legal threat', 'If this is not fixed I will contact my lawyer', {}, 'escalate', ['topic_rule']],
    ['a chargeback', 'I am going to file a chargeback', {}, 'escalate', ['topic_rule']],
    [
      'fraud, upset',
      'There is an unauthorized charge on my statement',
      {},
      'escalate',
      ['negative_sentiment', 'topic_rule'],
    ],
    ['a safety claim', 'The heater caught fire in my living room', {}, 'escalate', ['topic_rule']],
    ['account deletion drafts', 'Please delete my account', {}, 'draft', ['topic_rule']],
    ['a large refund drafts', 'I need a refund of $350 for the sofa', {}, 'draft', ['topic_rule']],
    ['a small refund answers', 'Can I get a refund of $35?', {}, 'answer', []],
    ['a privacy question drafts', 'What data do you keep about me?', { topic: 'privacy' }, 'draft', []],
    [
      'a payments answer needs 0.84',
      'Which cards do you accept?',
      { topic: 'payments', confidence: 0.55 },
      'escalate',
      ['low_confidence'],
    ],
    ['a card number escalates', 'my card is 4111 1111 1111 1111', {}, 'escalate', ['sensitive_data']],
    ['an e-mail address does not', 'my e-mail is jo@example.com', {}, 'answer', []],
    ['a greeting answered when unsure', 'Hello!', { confidence: 0.2 }, 'answer', []],
    [
      'an unsure real question escalates',
      'hello, is the blue one waterproof?',
      { confidence: 0.2 },
      'escalate',
      ['low_confidence'],
    ],
    ['an angry customer', 'I am very disappointed, this is not good', {}, 'escalate', ['negative_sentiment']],
    [
      'a customer getting worse',
      'I am unhappy',
      { earlierCustomerTexts: ['This is strange', 'This is frustrating', 'Hm, still nothing'] },
      'escalate',
      ['sentiment_trend'],
    ],
    ['asking for a person', 'can I speak to a human', {}, 'escalate', ['customer_request']],
    [
      'the model failed',
      'Where is my parcel?',
      { confidence: null, modelFailed: true },
      'escalate',
      ['model_unavailable'],
    ],
    [
      'a second unsure answer',
      'what about the other thing',
      { confidence: 0.3, consecutiveLowConfidence: 1 },
      'escalate',
      ['low_confidence', 'repeated_fallback'],
    ],
  ];
  it.each(table)('%s', (_name, text, partial, action, signals) => {
    const decision = decideEscalation(computeSignals(inputOf(text, partial), policy), policy);
    expect(decision.action).toBe(action);
    expect(decision.reasons.map((r) => r.signal)).toEqual(signals);
  });
});
