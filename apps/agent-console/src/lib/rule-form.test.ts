import { describe, expect, it } from 'vitest';
import { fieldOfIssue } from './rule-form';

describe('server issues mapped to form fields', () => {
  it.each([
    [['rules', 2, 'patterns', 0], 'not supported by RE2', 'rules.2.patterns', 'Line 1: not supported by RE2'],
    [['rules', 0, 'keywords', 3], 'too short', 'rules.0.keywords', 'Line 4: too short'],
    [['rules', 1, 'id'], 'duplicate rule id "x"', 'rules.1.id', 'duplicate rule id "x"'],
    [['rules', 1, 'responderTopics', 0], 'bad topic', 'rules.1.responderTopics', 'bad topic'],
    [['rules', 4], 'needs at least one', 'rules.4', 'needs at least one'],
    [['topics', 'refunds', 'reviewThreshold'], 'too high', 'topics.refunds.reviewThreshold', 'too high'],
    [['reviewThreshold'], 'must not exceed', 'reviewThreshold', 'must not exceed'],
  ] as const)('%j', (path, message, field, shown) => {
    expect(fieldOfIssue(path, message)).toEqual([field, shown]);
  });
});
