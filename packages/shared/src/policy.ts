import { z } from 'zod';
import { oversightModeSchema } from './models';

/** The schema's fallback answer threshold; the shipped policy file sets both bands explicitly. */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.84;

export const sensitiveDataKinds = ['card', 'iban', 'national_id', 'email', 'phone', 'password'] as const;
export type SensitiveDataKind = (typeof sensitiveDataKinds)[number];

/*
 * The escalation policy a support team edits as JSON. Objects are strict so that a misspelt field is an
 * error at load, not a rule that silently never applies.
 */

const topicNameSchema = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'must be a lowercase topic name');
const thresholdSchema = z.number().min(0).max(1);

export const ruleActions = ['escalate', 'require_approval', 'answer'] as const;
export const ruleActionSchema = z.enum(ruleActions);
export type RuleAction = z.infer<typeof ruleActionSchema>;

const phrasesSchema = z.array(z.string().trim().min(1)).min(1);

/**
 * A topic rule matches when the message is about it — any keyword (whole words, case- and
 * accent-insensitive), any regular expression (case-insensitive) or any of the responder's topics —
 * and, when `minAmount` is set, also mentions a money amount of at least that much.
 */
export const topicRuleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id'),
    description: z.string().default(''),
    topic: topicNameSchema,
    action: ruleActionSchema,
    keywords: phrasesSchema.optional(),
    patterns: phrasesSchema.optional(),
    responderTopics: z.array(topicNameSchema).min(1).optional(),
    minAmount: z.number().positive().optional(),
  })
  .superRefine((rule, ctx) => {
    if (!rule.keywords && !rule.patterns && !rule.responderTopics && rule.minAmount === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'needs at least one of keywords, patterns, responderTopics or minAmount',
      });
    }
    rule.patterns?.forEach((pattern, index) => {
      const problem = regexProblem(pattern);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['patterns', index] });
    });
  });
export type TopicRule = z.infer<typeof topicRuleSchema>;

export const topicOverrideSchema = z.strictObject({
  mode: oversightModeSchema.optional(),
  confidenceThreshold: thresholdSchema.optional(),
  reviewThreshold: thresholdSchema.optional(),
});
export type TopicOverride = z.infer<typeof topicOverrideSchema>;

export const escalationPolicySchema = z
  .strictObject({
    mode: oversightModeSchema.default('supervised'),
    /**
     * The answer threshold: at or above it the bot answers (unless its topic sets its own). Shipped value:
     * `default-escalation-policy.json`.
     */
    confidenceThreshold: thresholdSchema.default(DEFAULT_CONFIDENCE_THRESHOLD),
    /**
     * The review threshold (≤ the answer threshold): from it up to the answer threshold the bot answers but
     * the answer enters the review-later list (or is held as a draft in approval mode); below it the
     * conversation escalates. Left out, it equals the answer threshold: one band, as before.
     */
    reviewThreshold: thresholdSchema.optional(),
    sentiment: z
      .strictObject({
        /** A message scoring below this escalates. */
        escalateBelow: z.number().min(-1).max(1).default(-0.6),
        /** This many messages in a row, each worse than the one before and negative, escalate. */
        worseningStreak: z.number().int().min(1).default(3),
        /** When set, a worsening streak only counts once the latest score is below this. */
        trendFloor: z.number().min(-1).max(1).optional(),
      })
      .prefault({}),
    repeatedFallback: z
      .strictObject({
        /** This many low-confidence answers in a row since the context boundary escalate. */
        count: z.number().int().min(1).default(2),
      })
      .prefault({}),
    sensitiveData: z
      .strictObject({
        action: z.enum(['escalate', 'require_approval']).default('escalate'),
        /** Kinds that trigger the action; every kind is redacted regardless. */
        kinds: z.array(z.enum(sensitiveDataKinds)).default(['card', 'iban', 'national_id', 'password']),
      })
      .prefault({}),
    /** Per-topic overrides, keyed by the knowledge base's topics (or a rule's topic). */
    topics: z.record(topicNameSchema, topicOverrideSchema).default({}),
    rules: z.array(topicRuleSchema).default([]),
  })
  .superRefine((policy, ctx) => {
    for (const problem of bandProblems(policy)) ctx.addIssue({ code: 'custom', ...problem });
    const seen = new Set<string>();
    policy.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate rule id "${rule.id}"`,
          path: ['rules', index, 'id'],
        });
      }
      seen.add(rule.id);
    });
  });

export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;
/** What a policy file may contain: every field with a default may be left out. */
export type EscalationPolicyInput = z.input<typeof escalationPolicySchema>;

/** The answer and review thresholds in force for a topic (or globally, for null): its own or the global ones. */
export function resolveBands(
  policy: Pick<EscalationPolicy, 'confidenceThreshold' | 'reviewThreshold' | 'topics'>,
  topic: string | null,
): { answer: number; review: number } {
  const override = topic === null ? undefined : policy.topics[topic];
  const answer = override?.confidenceThreshold ?? policy.confidenceThreshold;
  const review = override?.reviewThreshold ?? policy.reviewThreshold ?? answer;
  // A topic that lowers its answer threshold below the global review threshold has one band, not a gap.
  return { answer, review: Math.min(review, answer) };
}

/** The review threshold may not exceed the answer threshold, globally or in a topic that sets either. */
function bandProblems(policy: {
  confidenceThreshold: number;
  reviewThreshold?: number | undefined;
  topics: Record<string, TopicOverride>;
}): { message: string; path: (string | number)[] }[] {
  const problems: { message: string; path: (string | number)[] }[] = [];
  if (policy.reviewThreshold !== undefined && policy.reviewThreshold > policy.confidenceThreshold) {
    problems.push({
      message: `reviewThreshold ${policy.reviewThreshold} must not exceed confidenceThreshold ${policy.confidenceThreshold}`,
      path: ['reviewThreshold'],
    });
  }
  for (const [topic, override] of Object.entries(policy.topics)) {
    if (override.reviewThreshold === undefined) continue;
    const answer = override.confidenceThreshold ?? policy.confidenceThreshold;
    if (override.reviewThreshold > answer) {
      problems.push({
        message: `reviewThreshold ${override.reviewThreshold} of topic ${topic} must not exceed its confidenceThreshold ${answer}`,
        path: ['topics', topic, 'reviewThreshold'],
      });
    }
  }
  return problems;
}

function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'i');
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `invalid regular expression /${pattern}/: ${reason}`;
  }
}
