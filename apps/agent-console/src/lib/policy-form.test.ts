import { type EscalationPolicy, escalationPolicySchema } from '@hitl/shared/policy';
import { describe, expect, it } from 'vitest';
import shippedPolicy from '../../../server/src/policy/default-escalation-policy.json';
import { fromForm, standardTopics, toForm, toggleRulesJson } from './policy-form';
import { emptyRuleRow } from './rule-form';

const policy: EscalationPolicy = {
  mode: 'supervised',
  confidenceThreshold: 0.5,
  reviewThreshold: 0.4,
  sentiment: { escalateBelow: -0.6, worseningStreak: 3, trendFloor: -0.2 },
  repeatedFallback: { count: 2 },
  sensitiveData: { action: 'escalate', kinds: ['card', 'iban'] },
  topics: {
    refunds: { mode: 'approval' },
    billing: { confidenceThreshold: 0.8, reviewThreshold: 0.6 },
  },
  rules: [{ id: 'big-refund', description: '', topic: 'refunds', action: 'escalate', minAmount: 100 }],
};

describe('policy form', () => {
  it('offers the standard topics plus those already in the policy', () => {
    const form = toForm(policy);
    expect(Object.keys(form.topics)).toEqual([...standardTopics, 'billing']);
    expect(form.topics.refunds).toEqual({ mode: 'approval', threshold: '', reviewThreshold: '' });
    expect(form.topics.billing).toEqual({ mode: '', threshold: '0.8', reviewThreshold: '0.6' });
    expect(form.reviewThreshold).toBe('0.4');
  });

  it('round-trips a policy, keeping what the form does not show', () => {
    expect(fromForm(toForm(policy), policy)).toEqual({ ok: true, policy });
  });

  it('applies edits and drops topics left to inherit', () => {
    const form = toForm(policy);
    form.mode = 'approval';
    form.threshold = '0.65';
    form.reviewThreshold = '';
    form.topics.refunds = { mode: '', threshold: '', reviewThreshold: '' };
    form.topics.shipping = { mode: 'autonomous', threshold: '0.3', reviewThreshold: '0.2' };
    const result = fromForm(form, policy);
    expect(result.ok && result.policy).toMatchObject({
      mode: 'approval',
      confidenceThreshold: 0.65,
      topics: {
        billing: { confidenceThreshold: 0.8, reviewThreshold: 0.6 },
        shipping: { mode: 'autonomous', confidenceThreshold: 0.3, reviewThreshold: 0.2 },
      },
    });
    expect(result.ok && 'refunds' in result.policy.topics).toBe(false);
    // An empty review threshold removes the band.
    expect(result.ok && 'reviewThreshold' in result.policy).toBe(false);
  });

  it('round-trips the shipped default policy losslessly, rules included', () => {
    const shipped = escalationPolicySchema.parse(shippedPolicy);
    expect(shipped.rules.length).toBeGreaterThan(3);
    expect(fromForm(toForm(shipped), shipped)).toEqual({ ok: true, policy: shipped });
    // Through the advanced JSON view and back as well.
    const there = toggleRulesJson(toForm(shipped));
    const back = toggleRulesJson(there.form);
    expect(back.error).toBeNull();
    expect(fromForm(back.form, shipped)).toEqual({ ok: true, policy: shipped });
  });

  it('offers a row for every rule topic, so its mode can be set beside the rule', () => {
    const shipped = escalationPolicySchema.parse(shippedPolicy);
    const form = toForm(shipped);
    expect(Object.keys(form.topics)).toEqual(expect.arrayContaining(['legal', 'safety']));
    form.topics.legal = { mode: 'approval', threshold: '', reviewThreshold: '' };
    const result = fromForm(form, shipped);
    expect(result.ok && result.policy.topics.legal).toEqual({ mode: 'approval' });
  });

  it('edits a rule: a keyword added on its own line, a new rule, a removed one', () => {
    const shipped = escalationPolicySchema.parse(shippedPolicy);
    const form = toForm(shipped);
    const legal = form.rules[0];
    if (!legal) throw new Error('the shipped policy has a first rule');
    form.rules[0] = { ...legal, keywords: `${legal.keywords}\n  barrister  \n` };
    form.rules.splice(1, 1);
    form.rules.push({
      ...emptyRuleRow(form.rules),
      id: 'warranty-claim',
      topic: 'warranty',
      patterns: 'broken after \\d+ days',
      minAmount: '50',
    });
    const result = fromForm(form, shipped);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.policy.rules[0]?.keywords?.at(-1)).toBe('barrister');
    expect(result.policy.rules.map((r) => r.id)).not.toContain('chargeback-or-fraud');
    expect(result.policy.rules.at(-1)).toEqual({
      id: 'warranty-claim',
      description: '',
      topic: 'warranty',
      action: 'escalate',
      patterns: ['broken after \\d+ days'],
      minAmount: 50,
    });
  });

  it('keys every problem by the policy path of its field, all at once', () => {
    const form = { ...toForm(policy), threshold: '', reviewThreshold: '1.5', worseningStreak: '2.5' };
    const first = form.rules[0];
    if (!first) throw new Error('a rule');
    form.rules = [
      { ...first, id: 'Big Refund', patterns: 'ok\n(unclosed', minAmount: '-3' },
      { ...first, minAmount: '', keywords: '', patterns: '', responderTopics: '' },
      { ...first, responderTopics: 'refunds, Not-A-Topic' },
    ];
    const result = fromForm(form, policy);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'confidenceThreshold',
      'reviewThreshold',
      'rules.0.id',
      'rules.0.minAmount',
      'rules.0.patterns',
      'rules.1',
      'rules.2.id',
      'rules.2.responderTopics',
      'sentiment.worseningStreak',
    ]);
    expect(result.errors['rules.0.patterns']).toMatch(/^Line 2: /);
    expect(result.errors['rules.2.id']).toMatch(/Another rule/);
  });

  it('reports JSON that does not parse in the advanced view, and stays there', () => {
    const form = { ...toForm(policy), rulesJson: '[{' };
    const result = fromForm(form, policy);
    expect(!result.ok && result.errors.rules).toMatch(/not valid JSON/);
    const toggled = toggleRulesJson(form);
    expect(toggled.error).toMatch(/not valid JSON/);
    expect(toggled.form.rulesJson).toBe('[{');
  });
});
