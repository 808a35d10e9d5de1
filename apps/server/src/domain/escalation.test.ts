import type { EscalationSignal, OversightMode } from '@hitl/shared/models';
import { type EscalationPolicyInput, escalationPolicySchema } from '@hitl/shared/policy';
import { describe, expect, it } from 'vitest';
import {
  decideEscalation,
  type EscalationPolicy,
  type EscalationSignals,
  type ReplyAction,
  resolveMode,
  resolveReviewThreshold,
  resolveThreshold,
} from './escalation';
import type { RuleMatch } from './signals/topic-rules';

// The global threshold is pinned so the cases below stay about the rules, whatever the shipped default.
const policyOf = (input: EscalationPolicyInput = {}): EscalationPolicy =>
  escalationPolicySchema.parse({ confidenceThreshold: 0.5, ...input });
const supervised = policyOf({ mode: 'supervised' });
const autonomous = policyOf({ mode: 'autonomous' });
const approval = policyOf({ mode: 'approval' });
const withFloor = policyOf({ sentiment: { trendFloor: -0.3 } });
const approvingSensitive = policyOf({ sensitiveData: { action: 'require_approval' } });
const byTopic = policyOf({
  topics: {
    privacy: { mode: 'approval' },
    payments: { confidenceThreshold: 0.6 },
    general: { mode: 'autonomous' },
    legal: { mode: 'supervised' },
  },
});
const approvalWithAutonomousTopic = policyOf({
  mode: 'approval',
  topics: { general: { mode: 'autonomous' } },
});
const autonomousWithSupervisedTopic = policyOf({
  mode: 'autonomous',
  topics: { orders: { mode: 'supervised' } },
});

const signalsOf = (partial: Partial<EscalationSignals> = {}): EscalationSignals => ({
  confidence: 0.9,
  topic: null,
  explicitRequest: null,
  sentiment: null,
  ruleMatches: [],
  sensitiveData: [],
  consecutiveLowConfidence: 0,
  modelFailed: false,
  ...partial,
});
const mood = (score: number, worseningStreak = 0, latest = score) => ({
  score,
  trend: { latest, average: score, slope: 0, worseningStreak },
});
const rule = (ruleId: string, action: RuleMatch['action'], topic = 'legal'): RuleMatch => ({
  ruleId,
  topic,
  action,
  matched: 'sue',
});
const card = { kind: 'card' as const, start: 0, end: 19 };
const email = { kind: 'email' as const, start: 0, end: 10 };

type Row = [
  string,
  EscalationPolicy,
  Partial<EscalationSignals>,
  ReplyAction,
  OversightMode,
  EscalationSignal[],
];

describe('decideEscalation', () => {
  // biome-ignore format: one row per line reads as a table
  const table: Row[] = [
    // 1. confidence against the threshold
    ['confident answer', supervised, {}, 'answer', 'supervised', []],
    ['exactly at threshold answers', supervised, { confidence: 0.5 }, 'answer', 'supervised', []],
    ['below threshold escalates', supervised, { confidence: 0.31 }, 'escalate', 'supervised', ['low_confidence']],
    ['no confidence computed is not low', supervised, { confidence: null }, 'answer', 'supervised', []],
    // 2. explicit request, every mode
    ['request wins over confidence', supervised, { explicitRequest: 'talk to a person' }, 'escalate', 'supervised', ['customer_request']],
    ['autonomous honours a request', autonomous, { explicitRequest: 'human please' }, 'escalate', 'autonomous', ['customer_request']],
    ['approval honours a request', approval, { explicitRequest: 'agent' }, 'escalate', 'approval', ['customer_request']],
    ['a request lists the other signals too', supervised, { explicitRequest: 'agent', confidence: 0.1 }, 'escalate', 'supervised', ['customer_request', 'low_confidence']],
    // 3. model failure, every mode
    ['model failure escalates', supervised, { modelFailed: true, confidence: null }, 'escalate', 'supervised', ['model_unavailable']],
    ['model failure escalates in autonomous', autonomous, { modelFailed: true, confidence: null }, 'escalate', 'autonomous', ['model_unavailable']],
    ['request and failure together', autonomous, { modelFailed: true, explicitRequest: 'agent' }, 'escalate', 'autonomous', ['customer_request', 'model_unavailable']],
    // 4. autonomous answers on its own (an unsure answer is flagged for review later)
    ['autonomous ignores low confidence', autonomous, { confidence: 0.05 }, 'answer', 'autonomous', ['review_band']],
    ['autonomous ignores every other signal', autonomous, { confidence: 0.05, consecutiveLowConfidence: 5, sentiment: mood(-0.9, 4), ruleMatches: [rule('legal-threat', 'escalate'), rule('large-refund', 'require_approval', 'refunds')], sensitiveData: [card] }, 'answer', 'autonomous', ['review_band']],
    // 5. escalating signals
    ['negative sentiment escalates', supervised, { sentiment: mood(-0.8) }, 'escalate', 'supervised', ['negative_sentiment']],
    ['sentiment at the limit answers', supervised, { sentiment: mood(-0.6) }, 'answer', 'supervised', []],
    ['worsening streak of N escalates', supervised, { sentiment: mood(-0.4, 3) }, 'escalate', 'supervised', ['sentiment_trend']],
    ['worsening streak of N-1 answers', supervised, { sentiment: mood(-0.4, 2) }, 'answer', 'supervised', []],
    ['streak above the floor answers', withFloor, { sentiment: mood(-0.2, 4) }, 'answer', 'supervised', []],
    ['streak below the floor escalates', withFloor, { sentiment: mood(-0.4, 4) }, 'escalate', 'supervised', ['sentiment_trend']],
    ['escalate rule escalates', supervised, { ruleMatches: [rule('legal-threat', 'escalate')] }, 'escalate', 'supervised', ['topic_rule']],
    ['second low answer in a row', supervised, { confidence: 0.2, consecutiveLowConfidence: 1 }, 'escalate', 'supervised', ['low_confidence', 'repeated_fallback']],
    ['a confident answer breaks the run', supervised, { confidence: 0.8, consecutiveLowConfidence: 3 }, 'answer', 'supervised', []],
    ['sensitive data escalates', supervised, { sensitiveData: [card] }, 'escalate', 'supervised', ['sensitive_data']],
    ['an unlisted kind does not', supervised, { sensitiveData: [email] }, 'answer', 'supervised', []],
    ['every firing signal is listed, in order', supervised, { confidence: 0.1, consecutiveLowConfidence: 2, sentiment: mood(-0.9, 3), ruleMatches: [rule('legal-threat', 'escalate')], sensitiveData: [card] }, 'escalate', 'supervised', ['low_confidence', 'negative_sentiment', 'sentiment_trend', 'topic_rule', 'repeated_fallback', 'sensitive_data']],
    // an `answer` rule only silences low confidence
    ['answer rule silences low confidence', supervised, { confidence: 0.2, ruleMatches: [rule('small-talk', 'answer', 'general')] }, 'answer', 'supervised', []],
    ['answer rule of the responder topic', supervised, { confidence: 0.2, topic: 'general', ruleMatches: [rule('small-talk', 'answer', 'general')] }, 'answer', 'supervised', []],
    ['answer rule of another topic', supervised, { confidence: 0.2, topic: 'payments', ruleMatches: [rule('small-talk', 'answer', 'general')] }, 'escalate', 'supervised', ['low_confidence']],
    ['answer rule keeps sentiment', supervised, { sentiment: mood(-0.9), ruleMatches: [rule('small-talk', 'answer', 'general')] }, 'escalate', 'supervised', ['negative_sentiment']],
    ['answer rule keeps repeated fallback', supervised, { confidence: 0.2, consecutiveLowConfidence: 1, ruleMatches: [rule('small-talk', 'answer', 'general')] }, 'escalate', 'supervised', ['repeated_fallback']],
    // 6. drafts
    ['approval drafts a confident answer', approval, {}, 'draft', 'approval', []],
    ['approval escalates low confidence', approval, { confidence: 0.2 }, 'escalate', 'approval', ['low_confidence']],
    ['require_approval rule drafts', supervised, { ruleMatches: [rule('account-deletion', 'require_approval', 'account')] }, 'draft', 'supervised', ['topic_rule']],
    ['sensitive data needing approval drafts', approvingSensitive, { sensitiveData: [card] }, 'draft', 'supervised', ['sensitive_data']],
    ['escalation also lists approvals', supervised, { confidence: 0.2, ruleMatches: [rule('large-refund', 'require_approval', 'refunds')] }, 'escalate', 'supervised', ['low_confidence', 'topic_rule']],
    // per-topic overrides of mode and threshold
    ['responder topic sets approval', byTopic, { topic: 'privacy' }, 'draft', 'approval', []],
    ['rule topic sets approval', byTopic, { ruleMatches: [rule('erasure', 'require_approval', 'privacy')] }, 'draft', 'approval', ['topic_rule']],
    ['topic threshold is stricter', byTopic, { topic: 'payments', confidence: 0.55 }, 'escalate', 'supervised', ['low_confidence']],
    ['global threshold elsewhere', byTopic, { topic: 'shipping', confidence: 0.55 }, 'answer', 'supervised', []],
    ['topic relaxes to autonomous', approvalWithAutonomousTopic, { topic: 'general', confidence: 0.1 }, 'answer', 'autonomous', ['review_band']],
    ['topic tightens autonomous', autonomousWithSupervisedTopic, { topic: 'orders', confidence: 0.1 }, 'escalate', 'supervised', ['low_confidence']],
    ['most cautious override wins', byTopic, { topic: 'general', ruleMatches: [rule('legal-threat', 'escalate', 'legal')] }, 'escalate', 'supervised', ['topic_rule']],
  ];
  it.each(table)('%s', (_name, policy, partial, action, mode, signals) => {
    const decision = decideEscalation(signalsOf(partial), policy);
    expect(decision.action).toBe(action);
    expect(decision.mode).toBe(mode);
    expect(decision.reasons.map((r) => r.signal)).toEqual(signals);
  });

  it('reports the rounded value and threshold of a low-confidence reason', () => {
    const decision = decideEscalation(signalsOf({ confidence: 0.31234 }), supervised);
    expect(decision.reasons).toEqual([{ signal: 'low_confidence', value: 0.31, threshold: 0.5 }]);
  });

  it('names the topic whose threshold applied', () => {
    const decision = decideEscalation(signalsOf({ confidence: 0.5549, topic: 'payments' }), byTopic);
    expect(decision.reasons).toEqual([
      { signal: 'low_confidence', value: 0.55, threshold: 0.6, detail: 'threshold of topic payments' },
    ]);
  });

  it('reports sentiment values rounded and the streak against its threshold', () => {
    const decision = decideEscalation(signalsOf({ sentiment: mood(-0.7777, 3) }), supervised);
    expect(decision.reasons[0]).toEqual({ signal: 'negative_sentiment', value: -0.78, threshold: -0.6 });
    expect(decision.reasons[1]).toMatchObject({ signal: 'sentiment_trend', value: 3, threshold: 3 });
  });

  it('names the rule, what matched and its description', () => {
    const policy = policyOf({
      rules: [
        {
          id: 'legal-threat',
          description: 'Legal threats',
          topic: 'legal',
          action: 'escalate',
          keywords: ['sue'],
        },
      ],
    });
    const decision = decideEscalation(signalsOf({ ruleMatches: [rule('legal-threat', 'escalate')] }), policy);
    expect(decision.reasons).toEqual([
      { signal: 'topic_rule', value: 'sue', rule: 'legal-threat', detail: 'Legal threats' },
    ]);
  });

  it('says which rule required approval', () => {
    const decision = decideEscalation(
      signalsOf({ ruleMatches: [rule('large-refund', 'require_approval', 'refunds')] }),
      supervised,
    );
    expect(decision.reasons[0]?.detail).toBe('requires approval: topic refunds');
  });

  it('counts repeated fallback including this answer', () => {
    const decision = decideEscalation(
      signalsOf({ confidence: 0.1, consecutiveLowConfidence: 2 }),
      supervised,
    );
    expect(decision.reasons[1]).toEqual({ signal: 'repeated_fallback', value: 3, threshold: 2 });
  });

  it('names the kinds of sensitive data, never the data', () => {
    const decision = decideEscalation(signalsOf({ sensitiveData: [card, card, email] }), supervised);
    expect(decision.reasons).toEqual([{ signal: 'sensitive_data', value: 'card', detail: '2 found' }]);
  });
});

describe('decideEscalation with two bands', () => {
  // answer ≥ 0.8; review band 0.5 ≤ c < 0.8; escalate below 0.5.
  const bands = { confidenceThreshold: 0.8, reviewThreshold: 0.5 } as const;
  const bandedSupervised = policyOf({ ...bands, mode: 'supervised' });
  const bandedApproval = policyOf({ ...bands, mode: 'approval' });
  const bandedAutonomous = policyOf({ ...bands, mode: 'autonomous' });
  const bandedTopic = policyOf({
    ...bands,
    topics: {
      payments: { confidenceThreshold: 0.9, reviewThreshold: 0.7 },
      shipping: { reviewThreshold: 0.6 },
    },
  });
  const noBand = policyOf({ confidenceThreshold: 0.8 });

  type BandRow = [
    string,
    EscalationPolicy,
    Partial<EscalationSignals>,
    ReplyAction,
    EscalationSignal[],
    boolean,
  ];
  // biome-ignore format: one row per line reads as a table
  const table: BandRow[] = [
    // supervised: answer, answer + review later, escalate
    ['supervised above the answer threshold answers', bandedSupervised, { confidence: 0.9 }, 'answer', [], false],
    ['supervised at the answer threshold answers', bandedSupervised, { confidence: 0.8 }, 'answer', [], false],
    ['supervised in the band answers for review later', bandedSupervised, { confidence: 0.65 }, 'answer', ['review_band'], true],
    ['supervised at the review threshold is in the band', bandedSupervised, { confidence: 0.5 }, 'answer', ['review_band'], true],
    ['supervised below the review threshold escalates', bandedSupervised, { confidence: 0.3 }, 'escalate', ['low_confidence'], false],
    // approval: every answer is a draft; the band is named on it; below the band escalates
    ['approval above the answer threshold drafts', bandedApproval, { confidence: 0.9 }, 'draft', [], false],
    ['approval in the band drafts, naming the band', bandedApproval, { confidence: 0.65 }, 'draft', ['review_band'], false],
    ['approval below the review threshold escalates', bandedApproval, { confidence: 0.3 }, 'escalate', ['low_confidence'], false],
    // autonomous: never escalates on confidence; anything under the answer threshold is reviewed later
    ['autonomous above the answer threshold answers', bandedAutonomous, { confidence: 0.9 }, 'answer', [], false],
    ['autonomous in the band answers for review later', bandedAutonomous, { confidence: 0.65 }, 'answer', ['review_band'], true],
    ['autonomous below the review threshold answers for review later', bandedAutonomous, { confidence: 0.3 }, 'answer', ['review_band'], true],
    ['autonomous still honours a request in the band', bandedAutonomous, { confidence: 0.65, explicitRequest: 'agent' }, 'escalate', ['customer_request'], false],
    // per-topic bands
    ['topic band: in its own band', bandedTopic, { topic: 'payments', confidence: 0.75 }, 'answer', ['review_band'], true],
    ['topic band: below its review threshold', bandedTopic, { topic: 'payments', confidence: 0.65 }, 'escalate', ['low_confidence'], false],
    ['topic with only a review threshold keeps the global answer threshold', bandedTopic, { topic: 'shipping', confidence: 0.55 }, 'escalate', ['low_confidence'], false],
    ['global bands for other topics', bandedTopic, { topic: 'returns', confidence: 0.55 }, 'answer', ['review_band'], true],
    // no review threshold: one band, as before
    ['without a review threshold below the answer threshold escalates', noBand, { confidence: 0.65 }, 'escalate', ['low_confidence'], false],
    // interplay with other rules
    ['small talk in the band is not reviewed', bandedSupervised, { confidence: 0.65, ruleMatches: [rule('small-talk', 'answer', 'general')] }, 'answer', [], false],
    ['a rule requiring approval in the band drafts with both reasons', bandedSupervised, { confidence: 0.65, ruleMatches: [rule('large-refund', 'require_approval', 'refunds')] }, 'draft', ['topic_rule', 'review_band'], false],
    ['an escalation in the band does not list the band', bandedSupervised, { confidence: 0.65, sentiment: mood(-0.9) }, 'escalate', ['negative_sentiment'], false],
    ['band answers are not fallbacks', bandedSupervised, { confidence: 0.65, consecutiveLowConfidence: 3 }, 'answer', ['review_band'], true],
    ['below the band after a fallback repeats', bandedSupervised, { confidence: 0.3, consecutiveLowConfidence: 1 }, 'escalate', ['low_confidence', 'repeated_fallback'], false],
  ];
  it.each(table)('%s', (_name, policy, partial, action, signals, reviewLater) => {
    const decision = decideEscalation(signalsOf(partial), policy);
    expect(decision.action).toBe(action);
    expect(decision.reasons.map((r) => r.signal)).toEqual(signals);
    expect(decision.reviewLater).toBe(reviewLater);
  });

  it('shows the value against the answer threshold, and the band', () => {
    const decision = decideEscalation(
      signalsOf({ confidence: 0.7812 }),
      policyOf({ confidenceThreshold: 0.86, reviewThreshold: 0.7 }),
    );
    expect(decision.reasons).toEqual([
      { signal: 'review_band', value: 0.78, threshold: 0.86, detail: 'review band 0.7–0.86' },
    ]);
  });

  it('rounds the band value down, so it always reads below the threshold', () => {
    const decision = decideEscalation(signalsOf({ confidence: 0.7999 }), bandedSupervised);
    expect(decision.reasons[0]).toMatchObject({ signal: 'review_band', value: 0.79, threshold: 0.8 });
  });

  it('escalates below the review threshold with that threshold as the reason', () => {
    const decision = decideEscalation(signalsOf({ confidence: 0.31 }), bandedSupervised);
    expect(decision.reasons).toEqual([{ signal: 'low_confidence', value: 0.31, threshold: 0.5 }]);
  });

  it('names the topic whose review threshold applied', () => {
    const decision = decideEscalation(signalsOf({ topic: 'payments', confidence: 0.65 }), bandedTopic);
    expect(decision.reasons).toEqual([
      { signal: 'low_confidence', value: 0.65, threshold: 0.7, detail: 'threshold of topic payments' },
    ]);
  });

  it.each([
    ['payments', 0.9, 0.7],
    ['shipping', 0.8, 0.6],
    [null, 0.8, 0.5],
  ] as const)('topic %s → answer %s, review %s', (topic, answer, review) => {
    expect(resolveThreshold(bandedTopic, topic)).toBe(answer);
    expect(resolveReviewThreshold(bandedTopic, topic)).toBe(review);
  });

  it('a topic lowering its answer threshold under the global review threshold has one band', () => {
    const policy = policyOf({ ...bands, topics: { general: { confidenceThreshold: 0.4 } } });
    expect(resolveReviewThreshold(policy, 'general')).toBe(0.4);
    expect(decideEscalation(signalsOf({ topic: 'general', confidence: 0.45 }), policy).action).toBe('answer');
  });
});

describe('resolveThreshold', () => {
  it.each([
    ['payments', 0.6],
    ['shipping', 0.5],
    [null, 0.5],
  ] as const)('topic %s → %s', (topic, threshold) => {
    expect(resolveThreshold(byTopic, topic)).toBe(threshold);
  });
});

describe('resolveMode', () => {
  const table: [string, string | null, RuleMatch[], OversightMode][] = [
    ['no topic, no rule: global', null, [], 'supervised'],
    ['topic without override: global', 'shipping', [], 'supervised'],
    ['responder topic override', 'privacy', [], 'approval'],
    ['rule topic override', null, [rule('erasure', 'require_approval', 'privacy')], 'approval'],
    [
      'most cautious of rule and responder',
      'general',
      [rule('legal-threat', 'escalate', 'legal')],
      'supervised',
    ],
    [
      'most cautious of several rules',
      null,
      [rule('a', 'escalate', 'legal'), rule('b', 'escalate', 'privacy')],
      'approval',
    ],
  ];
  it.each(table)('%s', (_name, topic, matches, mode) => {
    expect(resolveMode(byTopic, topic, matches)).toBe(mode);
  });
});
