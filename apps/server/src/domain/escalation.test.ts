import { describe, expect, it } from 'vitest';
import { decideEscalation, type EscalationPolicy, type ReplyAction } from './escalation';
import { detectExplicitRequest } from './explicit-request';

const supervised: EscalationPolicy = { mode: 'supervised', confidenceThreshold: 0.5 };
const autonomous: EscalationPolicy = { mode: 'autonomous', confidenceThreshold: 0.5 };
const approval: EscalationPolicy = { mode: 'approval', confidenceThreshold: 0.5 };

describe('decideEscalation', () => {
  const table: [string, EscalationPolicy, number | null, string | null, ReplyAction, string[]][] = [
    ['confident answer', supervised, 0.9, null, 'answer', []],
    ['exactly at threshold answers', supervised, 0.5, null, 'answer', []],
    ['below threshold escalates', supervised, 0.31, null, 'escalate', ['low_confidence']],
    ['explicit request wins over confidence', supervised, 0.95, 'talk to a person', 'escalate', ['customer_request']],
    ['autonomous never escalates on confidence', autonomous, 0.05, null, 'answer', []],
    ['autonomous honours explicit request', autonomous, 0.9, 'human please', 'escalate', ['customer_request']],
    ['approval drafts a confident answer', approval, 0.9, null, 'draft', []],
    ['approval escalates low confidence', approval, 0.2, null, 'escalate', ['low_confidence']],
    ['no confidence computed answers nothing low', supervised, null, null, 'answer', []],
  ];
  it.each(table)('%s', (_name, policy, confidence, explicitRequest, action, signals) => {
    const decision = decideEscalation({ confidence, explicitRequest }, policy);
    expect(decision.action).toBe(action);
    expect(decision.mode).toBe(policy.mode);
    expect(decision.reasons.map((r) => r.signal)).toEqual(signals);
  });

  it('reports the value and threshold of a low-confidence reason', () => {
    const decision = decideEscalation({ confidence: 0.31234, explicitRequest: null }, supervised);
    expect(decision.reasons).toEqual([{ signal: 'low_confidence', value: 0.31, threshold: 0.5 }]);
  });
});

describe('detectExplicitRequest', () => {
  const asks = [
    'I want to talk to a person',
    'Can I speak with a human?',
    'let me talk to someone',
    'connect me to a live agent please',
    'I need a real person',
    'Get me a representative',
    'agent',
    'human please!!',
    'Could you transfer me to customer service?',
    "I'd like to speak to a manager",
    'Can I chat with your support team',
    'I wanna talk to somebody',
  ];
  it.each(asks)('detects "%s"', (text) => {
    expect(detectExplicitRequest(text)).not.toBeNull();
  });

  const notAsks = [
    'how long does shipping take?',
    'Is this tent suitable for one person?',
    'The person at the door left the parcel outside',
    'my agent code is 1234',
    'what is your human resources address',
  ];
  it.each(notAsks)('ignores "%s"', (text) => {
    expect(detectExplicitRequest(text)).toBeNull();
  });
});
