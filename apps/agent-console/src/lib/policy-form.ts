import type { OversightMode } from '@hitl/shared/models';
import { type EscalationPolicy, type TopicOverride, topicRuleSchema } from '@hitl/shared/policy';
import { articleTopics } from '@hitl/shared/topics';
import { keysOf } from './labels';
import { type FieldErrors, fromRuleRows, type RuleRow, toRuleRow } from './rule-form';

export const modeExplanations: Record<OversightMode, string> = {
  approval: 'Every bot reply waits for an agent to approve, edit or reject it before the customer sees it.',
  supervised:
    'The bot answers on its own and escalates when a signal fires (confidence, sentiment, rules, data).',
  autonomous:
    'The bot answers on its own and never escalates on its own; a customer asking for a person is still honoured.',
};

const rulesSchema = topicRuleSchema.array();

/** Keyed by the shared type: a new mode fails the type check until it is explained. */
export const oversightModes = keysOf(modeExplanations);

/** Topics every shop has, offered even when the policy does not mention them yet. */
export const standardTopics = articleTopics;

export type SensitiveAction = EscalationPolicy['sensitiveData']['action'];
/** A topic's overrides as typed; an empty threshold inherits the global one. */
export type TopicRow = { mode: OversightMode | ''; threshold: string; reviewThreshold: string };

/** The policy as the settings form edits it: numbers as typed, rules as rows (or JSON text, advanced). */
export type PolicyForm = {
  mode: OversightMode;
  threshold: string;
  /** Empty: no review band (the review threshold equals the answer threshold). */
  reviewThreshold: string;
  escalateBelow: string;
  worseningStreak: string;
  fallbackCount: string;
  sensitiveAction: SensitiveAction;
  topics: Record<string, TopicRow>;
  rules: RuleRow[];
  /** The rules as JSON text while the advanced view is open; null when the rows are edited. */
  rulesJson: string | null;
};

export function topicNames(policy: EscalationPolicy): string[] {
  // A rule's topic gets a row too, so its mode can be set where the rule is.
  const named = [...Object.keys(policy.topics), ...policy.rules.map((rule) => rule.topic)];
  const extra = [...new Set(named)]
    .filter((topic) => !(standardTopics as readonly string[]).includes(topic))
    .sort();
  return [...standardTopics, ...extra];
}

export function toForm(policy: EscalationPolicy): PolicyForm {
  const topics: Record<string, TopicRow> = {};
  for (const topic of topicNames(policy)) {
    const override = policy.topics[topic];
    topics[topic] = {
      mode: override?.mode ?? '',
      threshold: override?.confidenceThreshold === undefined ? '' : String(override.confidenceThreshold),
      reviewThreshold: override?.reviewThreshold === undefined ? '' : String(override.reviewThreshold),
    };
  }
  return {
    mode: policy.mode,
    threshold: String(policy.confidenceThreshold),
    reviewThreshold: policy.reviewThreshold === undefined ? '' : String(policy.reviewThreshold),
    escalateBelow: String(policy.sentiment.escalateBelow),
    worseningStreak: String(policy.sentiment.worseningStreak),
    fallbackCount: String(policy.repeatedFallback.count),
    sensitiveAction: policy.sensitiveData.action,
    topics,
    rules: policy.rules.map(toRuleRow),
    rulesJson: null,
  };
}

export type FormResult = { ok: true; policy: EscalationPolicy } | { ok: false; errors: FieldErrors };

/**
 * The whole policy to save: the form's values over `base` (which keeps what the form does not show, such
 * as the sensitive-data kinds), or the problems found, keyed by the policy path of their field. The server
 * checks everything again (and the patterns against RE2); its refusals come back by the same keys.
 */
export function fromForm(form: PolicyForm, base: EscalationPolicy): FormResult {
  const errors: FieldErrors = {};
  const number = (key: string, text: string, min: number, max: number, integer = false): number => {
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (Number.isNaN(value)) errors[key] = 'Give a number.';
    else if (value < min || value > max) errors[key] = `Give a number from ${min} to ${max}.`;
    else if (integer && !Number.isInteger(value)) errors[key] = 'Give a whole number.';
    return value;
  };

  const topics: Record<string, TopicOverride> = {};
  for (const [topic, row] of Object.entries(form.topics)) {
    const override: TopicOverride = {};
    if (row.mode) override.mode = row.mode;
    if (row.threshold.trim())
      override.confidenceThreshold = number(`topics.${topic}.confidenceThreshold`, row.threshold, 0, 1);
    if (row.reviewThreshold.trim())
      override.reviewThreshold = number(`topics.${topic}.reviewThreshold`, row.reviewThreshold, 0, 1);
    if (Object.keys(override).length > 0) topics[topic] = override;
  }

  const { reviewThreshold: _dropped, ...rest } = base;
  const policy: EscalationPolicy = {
    ...rest,
    mode: form.mode,
    confidenceThreshold: number('confidenceThreshold', form.threshold, 0, 1),
    ...(form.reviewThreshold.trim()
      ? { reviewThreshold: number('reviewThreshold', form.reviewThreshold, 0, 1) }
      : {}),
    sentiment: {
      ...base.sentiment,
      escalateBelow: number('sentiment.escalateBelow', form.escalateBelow, -1, 1),
      worseningStreak: number('sentiment.worseningStreak', form.worseningStreak, 1, 1000, true),
    },
    repeatedFallback: {
      ...base.repeatedFallback,
      count: number('repeatedFallback.count', form.fallbackCount, 1, 1000, true),
    },
    sensitiveData: { ...base.sensitiveData, action: form.sensitiveAction },
    topics,
    rules:
      form.rulesJson === null ? fromRuleRows(form.rules, errors) : parseRulesJson(form.rulesJson, errors),
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, policy };
}

/** The advanced view's text; its items are checked by the server, whose issues come back as `rules.…`. */
export function parseRulesJson(text: string, errors: FieldErrors): EscalationPolicy['rules'] {
  if (!text.trim()) return [];
  try {
    const rules: unknown = JSON.parse(text);
    if (Array.isArray(rules)) return rules as EscalationPolicy['rules'];
    errors.rules = 'Rules must be a JSON array of rule objects.';
  } catch (error) {
    errors.rules = `Rules are not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  return [];
}

/** Opens the advanced view with the rows as JSON, or goes back to the rows when the text is valid. */
export function toggleRulesJson(form: PolicyForm): { form: PolicyForm; error: string | null } {
  if (form.rulesJson === null) {
    const errors: FieldErrors = {};
    const rules = fromRuleRows(form.rules, errors);
    return { form: { ...form, rulesJson: JSON.stringify(rules, null, 2) }, error: null };
  }
  const errors: FieldErrors = {};
  const rules = parseRulesJson(form.rulesJson, errors);
  if (errors.rules) return { form, error: errors.rules };
  // The rows need well-formed rules; the server's own checks (RE2) still run at saving.
  const parsed = rulesSchema.safeParse(rules);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      form,
      error: `Fix the JSON first: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    };
  }
  return { form: { ...form, rules: parsed.data.map(toRuleRow), rulesJson: null }, error: null };
}
