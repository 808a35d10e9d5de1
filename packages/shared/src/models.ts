import { z } from 'zod';
import { closeOutcomeSchema } from './close-outcomes';
import { articleTopics } from './topics';

/** How long an agent spent on a piece of work, measured by the console (at most a day). */
export const timeSpentSchema = z
  .number()
  .int()
  .min(0)
  .max(24 * 3600 * 1000)
  .nullish();

/** Longest text a customer or agent may send in one message. */
export const MAX_MESSAGE_LENGTH = 4000;

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id');
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be a client-generated id');
export const seqSchema = z.number().int().min(0);
export const messageTextSchema = z.string().trim().min(1).max(MAX_MESSAGE_LENGTH);

export const conversationStates = ['bot', 'queued', 'agent', 'closed'] as const;
export const conversationStateSchema = z.enum(conversationStates);
export type ConversationState = z.infer<typeof conversationStateSchema>;

export const oversightModes = ['approval', 'supervised', 'autonomous'] as const;
export const oversightModeSchema = z.enum(oversightModes);
export type OversightMode = z.infer<typeof oversightModeSchema>;

export const escalationSignals = [
  'low_confidence',
  'customer_request',
  'negative_sentiment',
  'sentiment_trend',
  'topic_rule',
  'sensitive_data',
  'repeated_fallback',
  'model_unavailable',
  /** Not an escalation: the answer was sent (or drafted) but its confidence is in the review band. */
  'review_band',
] as const;
export const escalationSignalSchema = z.enum(escalationSignals);
export type EscalationSignal = z.infer<typeof escalationSignalSchema>;

/** Why the policy did what it did: the signal, its value and what it was compared with. */
export const reasonSchema = z.object({
  signal: escalationSignalSchema,
  value: z.union([z.number(), z.string()]),
  threshold: z.number().optional(),
  rule: z.string().optional(),
  detail: z.string().optional(),
});
export type Reason = z.infer<typeof reasonSchema>;

/** `note`: an agent's internal note on the conversation, always stored `internal`; the customer never gets it. */
export const messageRoles = ['customer', 'bot', 'agent', 'system', 'note'] as const;
export const messageRoleSchema = z.enum(messageRoles);
export type MessageRole = z.infer<typeof messageRoleSchema>;

/** public: everyone in the conversation sees it; internal: agents only (drafts, notes). */
export const visibilitySchema = z.enum(['public', 'internal']);
export type Visibility = z.infer<typeof visibilitySchema>;

export const sourceSchema = z.object({ id: z.string(), title: z.string() });
export type Source = z.infer<typeof sourceSchema>;

export const alternativeSchema = z.object({ id: z.string(), title: z.string(), confidence: z.number() });
export type Alternative = z.infer<typeof alternativeSchema>;

/** The signals an LLM answer's confidence was combined from, each a probability (0..1) when measured. */
export const confidencePartsSchema = z.object({
  /** Mean token probability of the answer (from the model's logprobs). */
  logprob: z.number().min(0).max(1).optional(),
  /** How well the knowledge base covers the question (the retriever's confidence). */
  retrieval: z.number().min(0).max(1).optional(),
  /** The model's own yes-probability that the answer is supported by the articles. */
  selfCheck: z.number().min(0).max(1).optional(),
});
export type ConfidenceParts = z.infer<typeof confidencePartsSchema>;

/** Tokens a reply cost; `costUsd` is null when no prices are configured. */
export const modelUsageSchema = z.object({
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  costUsd: z.number().min(0).nullable(),
});
export type ModelUsage = z.infer<typeof modelUsageSchema>;

/** What a bot reply carries about how it was produced. */
export const botMetaSchema = z.object({
  confidence: z.number().min(0).max(1),
  responder: z.string(),
  modelId: z.string(),
  /** The trained instance of the model that answered; changes with each retrain (offline model). */
  modelVersion: z.string().optional(),
  sources: z.array(sourceSchema),
  alternatives: z.array(alternativeSchema),
  /** The knowledge-base topic of the answer (e.g. `shipping`); null when not known. */
  topic: z.string().nullable(),
  confidenceParts: confidencePartsSchema.optional(),
  usage: modelUsageSchema.optional(),
});
export type BotMeta = z.infer<typeof botMetaSchema>;

export const systemNoticeKinds = [
  'escalated',
  'agent_joined',
  'handed_back',
  'closed',
  'no_agent_online',
  'reviewing',
  'contact_saved',
  'agent_left',
  'card_masked',
  /** Another agent took the conversation over from its owner. */
  'transferred',
] as const;
export const systemNoticeKindSchema = z.enum(systemNoticeKinds);
export type SystemNoticeKind = z.infer<typeof systemNoticeKindSchema>;

export const authorSchema = z.object({ id: z.string(), name: z.string() });
export type Author = z.infer<typeof authorSchema>;

export const draftStatuses = ['pending', 'approved', 'edited', 'rejected'] as const;
export const draftStatusSchema = z.enum(draftStatuses);
export type DraftStatus = z.infer<typeof draftStatusSchema>;

/** On a bot reply held for review (approval mode, or a rule that requires approval). */
export const draftStateSchema = z.object({
  status: draftStatusSchema,
  /** Why approval was needed (a rule, sensitive data, or the approval mode itself). */
  reasons: z.array(reasonSchema),
  reviewer: authorSchema.nullable(),
  reviewedAt: z.string().nullable(),
  /** The public message the customer received, once approved or edited. */
  publishedMessageId: z.string().nullable(),
  /** How long the approving agent spent on it (measured by the console); absent when not measured. */
  timeSpentMs: z.number().int().min(0).nullable().optional(),
});
export type DraftState = z.infer<typeof draftStateSchema>;

export const emailDeliveryStatuses = ['pending', 'sent', 'failed'] as const;
export const emailDeliveryStatusSchema = z.enum(emailDeliveryStatuses);
export type EmailDeliveryStatus = z.infer<typeof emailDeliveryStatusSchema>;

/**
 * On an agent's reply sent by e-mail to the address the customer left. Stored `pending` before the first
 * attempt, with the Message-ID and threading headers every attempt reuses, then `sent` or `failed`.
 */
export const emailDeliverySchema = z.object({
  to: z.string(),
  subject: z.string(),
  /** The RFC 5322 Message-ID, angle brackets included: fixed when the reply is stored. */
  messageId: z.string(),
  /** The Message-ID of the conversation's previous e-mail reply (In-Reply-To), null for the first. */
  inReplyTo: z.string().nullable(),
  /** The earlier replies' Message-IDs, oldest first (References). */
  references: z.array(z.string()),
  status: emailDeliveryStatusSchema,
  attempts: z.number().int().min(0),
  sentAt: z.string().nullable(),
  /** Why the last attempt failed, in words fit for an agent; null otherwise. */
  error: z.string().nullable(),
});
export type EmailDelivery = z.infer<typeof emailDeliverySchema>;

export const messageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: seqSchema,
  clientId: z.string().nullable(),
  role: messageRoleSchema,
  visibility: visibilitySchema,
  text: z.string(),
  author: authorSchema.nullable(),
  bot: botMetaSchema.nullable(),
  notice: systemNoticeKindSchema.nullable(),
  /** Set on a bot reply an agent has marked as wrong. */
  correctionId: z.string().nullable(),
  /** Set on an internal bot reply waiting for (or past) an agent's review. */
  draft: draftStateSchema.nullable(),
  /** Only on an agent's reply sent by e-mail (absent on every other message). */
  email: emailDeliverySchema.optional(),
  createdAt: z.string(),
});
export type Message = z.infer<typeof messageSchema>;

/** The customer's rating of a closed conversation, given once in the widget. */
export const satisfactionSchema = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  ratedAt: z.string(),
});
export type Satisfaction = z.infer<typeof satisfactionSchema>;

export const conversationSchema = z.object({
  id: z.string(),
  siteKey: z.string(),
  visitorId: z.string(),
  state: conversationStateSchema,
  assignee: authorSchema.nullable(),
  reasons: z.array(reasonSchema),
  escalatedAt: z.string().nullable(),
  /** The bot only considers turns after this seq (set when an agent hands back). */
  botContextFromSeq: seqSchema,
  lastSeq: seqSchema,
  lastMessage: z.string().nullable(),
  /** The customer's latest public message, as stored (card numbers masked). */
  lastCustomerText: z.string().nullable(),
  /** The sentiment score (-1..1) of that message when it arrived; null when it was not scored. */
  lastSentiment: z.number().nullable(),
  /** The confidence of the bot's latest reply (drafts and withheld replies included); null before one. */
  lastConfidence: z.number().nullable(),
  /** An e-mail the customer left for a reply when no agent was online. */
  contactEmail: z.string().nullable(),
  /** How it ended (set when closed; null before). */
  outcome: closeOutcomeSchema.nullable(),
  /** Tags given when it was closed. */
  tags: z.array(z.string()),
  /** The customer's rating after it was closed; null until rated. */
  satisfaction: satisfactionSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const agentRoles = ['agent', 'reviewer', 'admin'] as const;
export const agentRoleSchema = z.enum(agentRoles);
export type AgentRole = z.infer<typeof agentRoleSchema>;

export const agentSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: agentRoleSchema,
  /** A deactivated agent cannot log in; their sessions ended when they were deactivated. */
  active: z.boolean(),
  createdAt: z.string(),
});
export type Agent = z.infer<typeof agentSchema>;

export const correctionKinds = ['edited_draft', 'rejected_draft', 'rewritten_reply', 'human_answer'] as const;
export const correctionKindSchema = z.enum(correctionKinds);
export type CorrectionKind = z.infer<typeof correctionKindSchema>;

export const correctionReasons = [
  'wrong_fact',
  'incomplete',
  'tone',
  'policy',
  'should_escalate',
  'other',
] as const;
export const correctionReasonSchema = z.enum(correctionReasons);
export type CorrectionReason = z.infer<typeof correctionReasonSchema>;

export const reviewStatusSchema = z.enum(['pending', 'approved', 'rejected']);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

export const contextTurnSchema = z.object({
  role: z.enum(['customer', 'bot', 'agent']),
  text: z.string(),
});
export type ContextTurn = z.infer<typeof contextTurnSchema>;

export const correctionSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  messageId: z.string(),
  /** The turns the model saw before the reply, oldest first; the last is the customer's question. */
  context: z.array(contextTurnSchema),
  original: z.object({
    text: z.string(),
    confidence: z.number().nullable(),
    responder: z.string().nullable(),
    modelId: z.string().nullable(),
  }),
  correctedText: z.string(),
  /** The knowledge-base topic of the corrected reply; null when there was no bot reply or no topic. */
  topic: z.string().nullable(),
  kind: correctionKindSchema,
  reasons: z.array(correctionReasonSchema),
  note: z.string().nullable(),
  agent: authorSchema,
  editDistance: z.number().int().min(0),
  timeSpentMs: z.number().int().min(0).nullable(),
  createdAt: z.string(),
  review: z.object({
    status: reviewStatusSchema,
    reviewer: authorSchema.nullable(),
    at: z.string().nullable(),
    note: z.string().nullable(),
    /** True when the reviewer changed the corrected text while approving. */
    edited: z.boolean(),
  }),
});
export type Correction = z.infer<typeof correctionSchema>;

export { articleTopics } from './topics';
export const articleTopicSchema = z.enum(articleTopics);
export type ArticleTopic = z.infer<typeof articleTopicSchema>;
