import { type RuleAction, ruleActions, type TopicRule } from '@hitl/shared/policy';

/** A topic rule as the settings form edits it: lists as typed text, the amount as typed. */
export type RuleRow = {
  /** Stable across edits of the id, so React keeps each card's inputs (and focus) in place. */
  rowKey: string;
  id: string;
  description: string;
  topic: string;
  action: RuleAction;
  /** One keyword or phrase per line. */
  keywords: string;
  /** One regular expression per line. */
  patterns: string;
  /** The responder's topics, separated by commas. */
  responderTopics: string;
  /** Empty: no amount condition. */
  minAmount: string;
};

export const ruleActionLabels: Record<RuleAction, string> = {
  escalate: 'escalate to a person',
  require_approval: 'answer only after approval',
  answer: 'answer even when unsure',
};
export { ruleActions };

/** Field errors keyed by the policy path they belong to (`rules.2.patterns`), as the server names them. */
export type FieldErrors = Record<string, string>;

const kebabId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const topicName = /^[a-z][a-z0-9_-]*$/;

let nextRowKey = 0;
const newRowKey = () => `rule-row-${++nextRowKey}`;

export function toRuleRow(rule: TopicRule): RuleRow {
  return {
    rowKey: newRowKey(),
    id: rule.id,
    description: rule.description,
    topic: rule.topic,
    action: rule.action,
    keywords: (rule.keywords ?? []).join('\n'),
    patterns: (rule.patterns ?? []).join('\n'),
    responderTopics: (rule.responderTopics ?? []).join(', '),
    minAmount: rule.minAmount === undefined ? '' : String(rule.minAmount),
  };
}

export function emptyRuleRow(taken: readonly RuleRow[]): RuleRow {
  let n = taken.length + 1;
  while (taken.some((row) => row.id === `new-rule-${n}`)) n++;
  // Escalating keeps a half-written rule on the safe side; it still needs a condition before saving.
  return toRuleRow({ id: `new-rule-${n}`, description: '', topic: 'general', action: 'escalate' });
}

/**
 * The rules to save, or the problems found, keyed by field. Catches what the server would refuse for
 * sure (ids, topic names, empty rules, patterns JavaScript cannot compile) so they show before saving; the
 * server still checks patterns against RE2, whose refusals come back by the same keys.
 */
export function fromRuleRows(rows: readonly RuleRow[], errors: FieldErrors): TopicRule[] {
  const seen = new Set<string>();
  return rows.map((row, index) => {
    const at = (field: string) => `rules.${index}.${field}`;
    const id = row.id.trim();
    if (!kebabId.test(id)) errors[at('id')] = 'Use lowercase letters, digits and dashes (e.g. legal-threat).';
    else if (seen.has(id)) errors[at('id')] = `Another rule is called "${id}".`;
    seen.add(id);
    const topic = row.topic.trim();
    if (!topicName.test(topic)) errors[at('topic')] = 'Use a lowercase topic name (e.g. payments).';

    const keywords = lines(row.keywords);
    const patterns = lines(row.patterns);
    const badPattern = patterns.findIndex((pattern) => jsRegexProblem(pattern) !== null);
    if (badPattern >= 0)
      errors[at('patterns')] = `Line ${badPattern + 1}: ${jsRegexProblem(patterns[badPattern] ?? '')}`;
    const responderTopics = row.responderTopics
      .split(/[\s,]+/)
      .map((t) => t.trim())
      .filter(Boolean);
    const badTopic = responderTopics.find((t) => !topicName.test(t));
    if (badTopic !== undefined)
      errors[at('responderTopics')] = `"${badTopic}" is not a lowercase topic name.`;
    const amountText = row.minAmount.trim();
    const minAmount = amountText === '' ? undefined : Number(amountText);
    if (minAmount !== undefined && !(minAmount > 0))
      errors[at('minAmount')] = 'Give an amount above 0, or leave it empty.';
    if (!keywords.length && !patterns.length && !responderTopics.length && minAmount === undefined)
      errors[`rules.${index}`] = 'Give at least one keyword, pattern, responder topic or amount.';

    const rule: TopicRule = { id, description: row.description.trim(), topic, action: row.action };
    if (keywords.length) rule.keywords = keywords;
    if (patterns.length) rule.patterns = patterns;
    if (responderTopics.length) rule.responderTopics = responderTopics;
    if (minAmount !== undefined) rule.minAmount = minAmount;
    return rule;
  });
}

/**
 * The form field a server issue belongs to: an item of a rule's list goes to that list's field, named by
 * its line (`rules.1.patterns.0` → `rules.1.patterns`, "Line 1: …").
 */
export function fieldOfIssue(path: readonly (string | number)[], message: string): [string, string] {
  const [root, index, field, item] = path;
  if (root === 'rules' && typeof index === 'number' && typeof field === 'string') {
    const key = `rules.${index}.${field}`;
    return typeof item === 'number' && field !== 'responderTopics'
      ? [key, `Line ${item + 1}: ${message}`]
      : [key, message];
  }
  return [path.join('.'), message];
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function jsRegexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'i');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
