import type { EscalationPolicy } from '@hitl/shared/policy';
import { describe, expect, it } from 'vitest';
import { fromForm, standardTopics, toForm } from './policy-form';

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

  it('lists every typing problem at once', () => {
    const form = { ...toForm(policy), threshold: '', rules: '[{' };
    const result = fromForm(form, policy);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(2);
      expect(result.problems[0]).toMatch(/Confidence threshold/);
      expect(result.problems[1]).toMatch(/not valid JSON/);
    }
  });
});
