import { z } from 'zod';
import { oversightModeSchema } from './models';

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
});
export type TopicOverride = z.infer<typeof topicOverrideSchema>;

export const escalationPolicySchema = z
  .strictObject({
    mode: oversightModeSchema.default('supervised'),
    /** An answer whose confidence is below this escalates (unless its topic sets its own). */
    confidenceThreshold: thresholdSchema.default(0.84),
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

function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'i');
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `invalid regular expression /${pattern}/: ${reason}`;
  }
}
