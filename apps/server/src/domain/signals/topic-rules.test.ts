import { type TopicRule, topicRuleSchema } from '@hitl/shared/policy';
import { describe, expect, it } from 'vitest';
import { matchTopicRules } from './topic-rules';

const ruleOf = (input: Record<string, unknown>): TopicRule =>
  topicRuleSchema.parse({ topic: 'general', action: 'escalate', ...input });

const rules: TopicRule[] = [
  ruleOf({ id: 'legal', topic: 'legal', keywords: ['sue', 'legal action'] }),
  ruleOf({
    id: 'chargeback',
    topic: 'payments',
    keywords: ['dispute with my bank'],
    patterns: ['charge ?back'],
  }),
  ruleOf({
    id: 'big-refund',
    topic: 'refunds',
    action: 'require_approval',
    keywords: ['refund'],
    minAmount: 500,
  }),
  ruleOf({ id: 'refund-topic', topic: 'refunds', action: 'require_approval', responderTopics: ['refunds'] }),
  ruleOf({ id: 'any-large-amount', topic: 'payments', action: 'require_approval', minAmount: 5000 }),
  ruleOf({ id: 'hello', topic: 'general', action: 'answer', patterns: ['^\\W*(hi|hello)\\W*$'] }),
  ruleOf({ id: 'cafe', topic: 'general', action: 'answer', keywords: ['Café'] }),
];

describe('matchTopicRules', () => {
  const table: [string, string, string | null, [string, string][]][] = [
    ['keyword, whole word', 'I will sue you', null, [['legal', 'sue']]],
    ['keyword, any case and punctuation', 'SUE!!! you hear me', null, [['legal', 'sue']]],
    [
      'keyword inside a word does not match',
      'Is the suede jacket in stock? Ask Sue-ellen',
      null,
      [['legal', 'sue']],
    ],
    ['part of a word only', 'the pursuer and the suede', null, []],
    ['multi-word keyword', 'I will take legal action', null, [['legal', 'legal action']]],
    [
      'punctuation between words is ignored',
      "I'll open a dispute, with my bank.",
      null,
      [['chargeback', 'dispute with my bank']],
    ],
    [
      'multi-word keyword normalised',
      'a DISPUTE with my Bank',
      null,
      [['chargeback', 'dispute with my bank']],
    ],
    ['regex pattern, case-insensitive', 'I filed a Chargeback', null, [['chargeback', 'Chargeback']]],
    ['regex pattern variant', 'charge back incoming', null, [['chargeback', 'charge back']]],
    ['amount above the minimum', 'I want a refund of $1,200', null, [['big-refund', 'refund, amount 1200']]],
    ['amount at the minimum', 'refund 500 euros', null, [['big-refund', 'refund, amount 500']]],
    ['amount below the minimum', 'I want a refund of $120', null, []],
    ['keyword without an amount', 'I want a refund', null, []],
    ['amount without the keyword', 'I paid $900 for it', null, []],
    ['responder topic', 'where is my money', 'refunds', [['refund-topic', 'topic refunds']]],
    ['another responder topic', 'where is my money', 'shipping', []],
    ['amount-only rule', 'I spent €6,000 here', null, [['any-large-amount', 'amount 6000']]],
    ['anchored pattern matches a bare greeting', 'Hello!', null, [['hello', 'Hello!']]],
    ['anchored pattern ignores a longer message', 'hello, my order is late', null, []],
    ['accents are ignored', 'a cafe question', null, [['cafe', 'Café']]],
    [
      'several rules in policy order',
      'I will sue and file a chargeback over the $800 refund',
      null,
      [
        ['legal', 'sue'],
        ['chargeback', 'chargeback'],
        ['big-refund', 'refund, amount 800'],
      ],
    ],
  ];
  it.each(table)('%s', (_name, text, topic, expected) => {
    const matches = matchTopicRules(text, topic, rules);
    expect(matches.map((m) => [m.ruleId, m.matched])).toEqual(expected);
  });

  it('carries the rule topic and action', () => {
    expect(matchTopicRules('refund $700', null, rules)).toEqual([
      { ruleId: 'big-refund', topic: 'refunds', action: 'require_approval', matched: 'refund, amount 700' },
    ]);
  });
});
