import { z } from 'zod';
import {
  agentRoleSchema,
  agentSchema,
  authorSchema,
  clientIdSchema,
  conversationStateSchema,
  correctionKindSchema,
  correctionReasonSchema,
  correctionReasons,
  correctionSchema,
  idSchema,
  messageSchema,
  messageTextSchema,
  reviewStatusSchema,
  timeSpentSchema,
} from './models';
import { escalationPolicySchema } from './policy';

export const loginRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;
export const loginResponseSchema = z.object({ agent: agentSchema, token: z.string() });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** Name of the cookie holding an agent session. */
export const SESSION_COOKIE = 'hitl_session';

export const conversationQuerySchema = z
  .strictObject({
    state: conversationStateSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** The next page: the `updatedAt` and `id` of the last conversation of the previous one. */
    beforeUpdatedAt: z.iso.datetime().optional(),
    beforeId: idSchema.optional(),
  })
  .refine((q) => (q.beforeUpdatedAt === undefined) === (q.beforeId === undefined), {
    message: 'beforeUpdatedAt and beforeId go together',
    path: ['beforeId'],
  });

export const exportFormats = ['openai-chat', 'openai-preference', 'trl-preference', 'csv'] as const;
export const exportFormatSchema = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** A knowledge-base topic as it appears in filters: one lowercase word (`shipping`, `gift-cards`). */
export const topicSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'must be a lowercase word');

/** Filters shared by the correction list, the stats, the REST export and the CLI export. */
export const correctionFilterSchema = z.strictObject({
  status: z.union([reviewStatusSchema, z.literal('any')]).default('approved'),
  kind: correctionKindSchema.optional(),
  reason: correctionReasonSchema.optional(),
  topic: topicSchema.optional(),
  agentId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
});
export type CorrectionFilter = z.infer<typeof correctionFilterSchema>;

export const exportQuerySchema = correctionFilterSchema.extend({
  format: exportFormatSchema.default('openai-chat'),
  redact: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Leaves out duplicates and near-duplicates of earlier examples; `false` keeps every one. */
  dedup: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

export const reviewRequestSchema = z.object({
  status: z.enum(['approved', 'rejected']),
  note: z.string().trim().max(1000).nullish(),
  correctedText: z.string().trim().min(1).max(4000).optional(),
  /** The review status the reviewer saw (the console sends `pending`): a 409 when it changed. */
  expectedStatus: reviewStatusSchema.optional(),
  /** From opening the correction to the decision, measured by the console. */
  timeSpentMs: timeSpentSchema,
});
export type ReviewRequest = z.infer<typeof reviewRequestSchema>;

/** GET /api/corrections/stats: the list's filters, except that every review status counts by default. */
export const correctionStatsQuerySchema = correctionFilterSchema.extend({
  status: correctionFilterSchema.shape.status.unwrap().default('any'),
});

/** How reviewers judged corrections: approved as written, approved with edits, or rejected. */
const agreementCountsSchema = z.object({ agreed: z.number(), edited: z.number(), disagreed: z.number() });
export type AgreementCounts = z.infer<typeof agreementCountsSchema>;

/** What GET /api/corrections/stats answers for the corrections matching the filter. */
export const correctionStatsResponseSchema = z.object({
  total: z.number(),
  byStatus: z.object({ pending: z.number(), approved: z.number(), rejected: z.number() }),
  agreement: agreementCountsSchema.extend({
    /** agreed / reviewed (approved + rejected), two decimals; null when nothing was reviewed. */
    rate: z.number().nullable(),
  }),
  byReason: z.object(
    Object.fromEntries(correctionReasons.map((r) => [r, z.number()])) as {
      [R in (typeof correctionReasons)[number]]: z.ZodNumber;
    },
  ),
  /** Keyed by topic; corrections without one count under `unknown`. */
  byTopic: z.record(z.string(), z.number()),
  /** Per author, most corrections first. */
  byAgent: z.array(agreementCountsSchema.extend({ agent: authorSchema, total: z.number() })),
});
export type CorrectionStatsResponse = z.infer<typeof correctionStatsResponseSchema>;

/** POST /api/corrections/:id/review */
export const correctionResponseSchema = z.object({ correction: correctionSchema });

/** What GET /api/admin/policy answers; PUT takes an `escalationPolicySchema` body. */
export const policyResponseSchema = z.object({
  policy: escalationPolicySchema,
  updatedAt: z.string().nullable(),
  source: z.enum(['default', 'file', 'console']),
});
export type PolicyResponse = z.infer<typeof policyResponseSchema>;

export const auditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditEventViewSchema = z.object({
  id: z.string(),
  actor: authorSchema.nullable(),
  action: z.string(),
  target: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type AuditEventView = z.infer<typeof auditEventViewSchema>;
export const auditListResponseSchema = z.object({ events: z.array(auditEventViewSchema) });

/** GET /api/drafts: held bot replies waiting for review. */
export const draftListResponseSchema = z.object({ drafts: z.array(messageSchema) });

/** An admin adds a team member; the server generates the first password and shows it once. */
export const agentInviteSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(1).max(80),
  role: agentRoleSchema.default('agent'),
});
export type AgentInvite = z.infer<typeof agentInviteSchema>;

/** A role change or (de)activation; either ends the agent's sessions on every node. */
export const agentPatchSchema = z
  .strictObject({ role: agentRoleSchema.optional(), active: z.boolean().optional() })
  .refine((p) => p.role !== undefined || p.active !== undefined, { message: 'Give a role or active.' });
export type AgentPatchRequest = z.infer<typeof agentPatchSchema>;

export const agentListResponseSchema = z.object({ agents: z.array(agentSchema) });
export const agentResponseSchema = z.object({ agent: agentSchema });
/** The generated password is in this response only: it is never stored in clear nor shown again. */
export const agentInviteResponseSchema = z.object({ agent: agentSchema, password: z.string() });
/**
 * POST /api/conversations/:id/email-replies: an agent answers the e-mail the customer left. Idempotent on
 * `clientId`: sending it again retries a reply that failed and never sends a sent one twice.
 */
export const emailReplyRequestSchema = z.strictObject({
  clientId: clientIdSchema,
  text: messageTextSchema,
});
export type EmailReplyRequest = z.infer<typeof emailReplyRequestSchema>;
export const emailReplyResponseSchema = z.object({ message: messageSchema });
export type EmailReplyResponse = z.infer<typeof emailReplyResponseSchema>;

/** GET /api/features: what this server can do that depends on its configuration. */
export const featuresResponseSchema = z.object({
  /** E-mail replies to left contacts (SMTP_URL set), and the address they are sent from. */
  emailReplies: z.object({ enabled: z.boolean(), from: z.string().nullable() }),
});
export type FeaturesResponse = z.infer<typeof featuresResponseSchema>;
