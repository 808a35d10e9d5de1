import type { OversightMode } from '@hitl/shared/models';
import type { EscalationPolicy, TopicOverride } from '@hitl/shared/policy';
import { articleTopics } from '@hitl/shared/topics';
import { keysOf } from './labels';

export const modeExplanations: Record<OversightMode, string> = {
  approval: 'Every bot reply waits for an agent to approve, edit or reject it before the customer sees it.',
  supervised:
    'The bot answers on its own and escalates when a signal fires (confidence, sentiment, rules, data).',
  autonomous:
    'The bot answers on its own and never escalates on its own; a customer asking for a person is still honoured.',
};

/** Keyed by the shared type (a new mode fails the type check until it is explained), without bundling zod. */
export const oversightModes = keysOf(modeExplanations);

/** Topics every shop has, offered even when the policy does not mention them yet. */
export const standardTopics = articleTopics;

export type SensitiveAction = EscalationPolicy['sensitiveData']['action'];
/** A topic's overrides as typed; an empty threshold inherits the global one. */
export type TopicRow = { mode: OversightMode | ''; threshold: string; reviewThreshold: string };

/** The policy as the settings form edits it: numbers as typed, rules as JSON text. */
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
  rules: string;
};

export function topicNames(policy: EscalationPolicy): string[] {
  const extra = Object.keys(policy.topics)
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
    rules: JSON.stringify(policy.rules, null, 2),
  };
}

export type FormResult = { ok: true; policy: EscalationPolicy } | { ok: false; problems: string[] };

/**
 * The whole policy to save: the form's values over `base` (which keeps what the form does not show, such
 * as the sensitive-data kinds). Only typing mistakes are caught here; the server checks ranges and rules.
 */
export function fromForm(form: PolicyForm, base: EscalationPolicy): FormResult {
  const problems: string[] = [];
  const number = (label: string, text: string): number => {
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (Number.isNaN(value)) problems.push(`${label} must be a number.`);
    return value;
  };

  const topics: Record<string, TopicOverride> = {};
  for (const [topic, row] of Object.entries(form.topics)) {
    const override: TopicOverride = {};
    if (row.mode) override.mode = row.mode;
    if (row.threshold.trim()) override.confidenceThreshold = number(`Threshold of ${topic}`, row.threshold);
    if (row.reviewThreshold.trim())
      override.reviewThreshold = number(`Review threshold of ${topic}`, row.reviewThreshold);
    if (Object.keys(override).length > 0) topics[topic] = override;
  }

  const { reviewThreshold: _dropped, ...rest } = base;
  const policy: EscalationPolicy = {
    ...rest,
    mode: form.mode,
    confidenceThreshold: number('Confidence threshold', form.threshold),
    ...(form.reviewThreshold.trim()
      ? { reviewThreshold: number('Review threshold', form.reviewThreshold) }
      : {}),
    sentiment: {
      ...base.sentiment,
      escalateBelow: number('Sentiment “escalate below”', form.escalateBelow),
      worseningStreak: number('Worsening streak', form.worseningStreak),
    },
    repeatedFallback: {
      ...base.repeatedFallback,
      count: number('Repeated fallback count', form.fallbackCount),
    },
    sensitiveData: { ...base.sensitiveData, action: form.sensitiveAction },
    topics,
    rules: parseRules(form.rules, problems),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, policy };
}

function parseRules(text: string, problems: string[]): EscalationPolicy['rules'] {
  if (!text.trim()) return [];
  try {
    const rules: unknown = JSON.parse(text);
    if (Array.isArray(rules)) return rules as EscalationPolicy['rules'];
    problems.push('Rules must be a JSON array of rule objects.');
  } catch (error) {
    problems.push(`Rules are not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return [];
}
