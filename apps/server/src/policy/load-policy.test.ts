import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleTopics } from '../knowledge/knowledge-base';
import { defaultEscalationPolicyPath, loadEscalationPolicy, parseEscalationPolicy } from './load-policy';

const dir = mkdtempSync(join(tmpdir(), 'escalation-policy-'));
const writePolicy = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const rule = { id: 'legal', description: 'Legal', topic: 'legal', action: 'escalate', keywords: ['sue'] };

describe('the default policy file', () => {
  const policy = loadEscalationPolicy(defaultEscalationPolicyPath);

  it('validates, supervised at 0.84', () => {
    expect(policy.mode).toBe('supervised');
    expect(policy.confidenceThreshold).toBe(0.84);
  });

  it('ships two bands: a review threshold below the answer threshold', () => {
    expect(policy.reviewThreshold).toBeDefined();
    expect(policy.reviewThreshold).toBeLessThan(policy.confidenceThreshold);
  });

  it('ships the rules teams start from', () => {
    expect(policy.rules.map((r) => [r.id, r.action])).toEqual([
      ['legal-threat', 'escalate'],
      ['chargeback-or-fraud', 'escalate'],
      ['account-deletion', 'require_approval'],
      ['medical-or-safety', 'escalate'],
      ['large-refund', 'require_approval'],
      ['small-talk', 'answer'],
    ]);
    expect(policy.rules.find((r) => r.id === 'large-refund')?.minAmount).toBe(200);
  });

  it('overrides topics of the knowledge base', () => {
    expect(policy.topics.privacy?.mode).toBe('approval');
    expect(policy.topics.payments?.confidenceThreshold).toBe(0.84);
    for (const topic of Object.keys(policy.topics)) expect(articleTopics).toContain(topic);
  });
});

describe('parseEscalationPolicy', () => {
  it('fills defaults for an empty policy', () => {
    expect(parseEscalationPolicy({}, 'inline')).toEqual({
      mode: 'supervised',
      confidenceThreshold: 0.84,
      sentiment: { escalateBelow: -0.6, worseningStreak: 3 },
      repeatedFallback: { count: 2 },
      sensitiveData: { action: 'escalate', kinds: ['card', 'iban', 'national_id', 'password'] },
      topics: {},
      rules: [],
    });
  });

  const malformed: [string, unknown, string[]][] = [
    ['bad mode', { mode: 'yolo' }, ['mode:']],
    ['threshold 1.5', { confidenceThreshold: 1.5 }, ['confidenceThreshold:']],
    [
      'per-topic threshold 1.5',
      { topics: { payments: { confidenceThreshold: 1.5 } } },
      ['topics.payments.confidenceThreshold:'],
    ],
    [
      'bad regex',
      { rules: [{ ...rule, patterns: ['ok', '(unclosed'] }] },
      ['rules[0].patterns[1]: invalid regular expression /(unclosed/'],
    ],
    ['field of the wrong type', { sentiment: { worseningStreak: 'three' } }, ['sentiment.worseningStreak:']],
    ['keywords of the wrong type', { rules: [{ ...rule, keywords: 'sue' }] }, ['rules[0].keywords:']],
    ['unknown field', { confidenceTreshold: 0.4 }, ['(root): Unrecognized key: "confidenceTreshold"']],
    ['unknown rule action', { rules: [{ ...rule, action: 'ignore' }] }, ['rules[0].action:']],
    [
      'rule without a condition',
      { rules: [{ id: 'x', topic: 'legal', action: 'escalate' }] },
      ['rules[0]: needs at least one'],
    ],
    ['duplicate rule ids', { rules: [rule, rule] }, ['rules[1].id: duplicate rule id "legal"']],
    ['several problems at once', { mode: 'yolo', confidenceThreshold: 2 }, ['mode:', 'confidenceThreshold:']],
  ];
  it.each(malformed)('%s names the source and the path', (_name, json, fragments) => {
    let message = '';
    try {
      parseEscalationPolicy(json, '/etc/policy.json');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('Escalation policy /etc/policy.json is invalid');
    for (const fragment of fragments) expect(message).toContain(fragment);
  });
});

describe('loadEscalationPolicy', () => {
  it('names the file when a value is invalid', () => {
    const path = writePolicy('bad-mode.json', JSON.stringify({ mode: 'yolo', confidenceThreshold: 1.5 }));
    expect(() => loadEscalationPolicy(path)).toThrow(
      new RegExp(
        `${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is invalid:\\n  - mode: .*\\n  - confidenceThreshold: `,
      ),
    );
  });

  it('names the file when it is not JSON', () => {
    const path = writePolicy('broken.json', '{ "mode": ');
    expect(() => loadEscalationPolicy(path)).toThrow(`Escalation policy ${path} is not valid JSON`);
  });

  it('names the file when it cannot be read', () => {
    const path = join(dir, 'missing.json');
    expect(() => loadEscalationPolicy(path)).toThrow(`Escalation policy ${path} could not be read`);
  });
});

describe('the review threshold', () => {
  it('may not exceed the answer threshold, globally', () => {
    expect(() => parseEscalationPolicy({ confidenceThreshold: 0.6, reviewThreshold: 0.7 }, 'test')).toThrow(
      'reviewThreshold: reviewThreshold 0.7 must not exceed confidenceThreshold 0.6',
    );
  });

  it('may not exceed the answer threshold of its topic', () => {
    const policy = {
      confidenceThreshold: 0.9,
      topics: { payments: { confidenceThreshold: 0.6, reviewThreshold: 0.65 } },
    };
    expect(() => parseEscalationPolicy(policy, 'test')).toThrow(
      'topics.payments.reviewThreshold: reviewThreshold 0.65 of topic payments must not exceed its confidenceThreshold 0.6',
    );
  });

  it('of a topic is compared with the global answer threshold when the topic sets none', () => {
    expect(() =>
      parseEscalationPolicy(
        { confidenceThreshold: 0.8, topics: { shipping: { reviewThreshold: 0.85 } } },
        'test',
      ),
    ).toThrow('topics.shipping.reviewThreshold');
    expect(
      parseEscalationPolicy({ confidenceThreshold: 0.8, reviewThreshold: 0.8 }, 'test').reviewThreshold,
    ).toBe(0.8);
  });

  it('is optional: left out, there is one band', () => {
    expect(parseEscalationPolicy({ confidenceThreshold: 0.8 }, 'test').reviewThreshold).toBeUndefined();
  });
});
