import { type Connection, Schema } from 'mongoose';
import { articleSchema } from './mongo-articles';
import type {
  AgentDoc,
  AgentLoadDoc,
  AuditDoc,
  ConversationDoc,
  ConversationEventDoc,
  CorrectionDoc,
  MessageDoc,
  OperationDoc,
  SessionDoc,
  SettingDoc,
} from './mongo-documents';
import { visitorProfileSchema } from './mongo-visitors';

export type MongoModels = ReturnType<typeof bindModels>;

/**
 * A field or filter path outside the schema is a bug in this adapter: it throws rather than being
 * dropped (a dropped filter condition would silently widen a query).
 */
const options = {
  versionKey: false,
  strict: 'throw',
  strictQuery: 'throw',
  minimize: false,
  id: false,
  autoIndex: false,
  autoCreate: false,
} as const;

// No `required` on strings: mongoose would refuse the empty string, which is a value here. The
// documents are built from typed port inputs, so presence is checked by the compiler.
const id = { type: String };
const text = { type: String };
const nullableText = { type: String, default: null };
const count = { type: Number };
const json = { type: Schema.Types.Mixed, default: null };
const jsonValue = { type: Schema.Types.Mixed };

const conversationSchema = new Schema<ConversationDoc>(
  {
    _id: id,
    siteKey: text,
    visitorId: text,
    state: text,
    assigneeId: nullableText,
    assigneeName: nullableText,
    reasons: jsonValue,
    escalatedAt: nullableText,
    botContextFromSeq: count,
    lastSeq: count,
    lastMessage: nullableText,
    lastCustomerText: nullableText,
    lastSentiment: { type: Number, default: null },
    lastConfidence: { type: Number, default: null },
    contactEmail: nullableText,
    awaitingBotSeq: { type: Number, default: null },
    answeredSeq: { type: Number, default: 0 },
    answeredBy: nullableText,
    outcome: nullableText,
    tags: { type: [String], default: undefined },
    queueRank: { type: Number, default: null },
    satisfaction: json,
    firstReplyMs: { type: Number, default: null },
    createdAt: text,
    updatedAt: text,
  },
  options,
);
conversationSchema.index({ state: 1, updatedAt: -1 });
// A site's queue in the console's order (see `listQueue`).
conversationSchema.index({ siteKey: 1, state: 1, queueRank: 1, escalatedAt: 1, _id: 1 });
conversationSchema.index({ awaitingBotSeq: 1 });
conversationSchema.index({ state: 1, escalatedAt: 1 });
conversationSchema.index({ siteKey: 1, visitorId: 1, state: 1, updatedAt: -1 });
conversationSchema.index({ updatedAt: -1 });
// A visitor's earlier conversations, newest first, paged by (updatedAt, _id).
conversationSchema.index({ siteKey: 1, visitorId: 1, updatedAt: -1, _id: -1 });
// Conversations started in a range (analytics).
conversationSchema.index({ createdAt: 1 });

const messageSchema = new Schema<MessageDoc>(
  {
    _id: id,
    conversationId: text,
    seq: count,
    clientId: nullableText,
    dedupKey: text,
    turnId: { type: String },
    role: text,
    visibility: text,
    text,
    author: json,
    bot: json,
    notice: nullableText,
    correctionId: nullableText,
    draft: json,
    email: json,
    createdAt: text,
    siteKey: { type: String },
    visitorId: { type: String },
    sentiment: { type: Number },
  },
  options,
);
messageSchema.index({ conversationId: 1, seq: 1 }, { unique: true });
messageSchema.index({ conversationId: 1, dedupKey: 1 }, { unique: true });
messageSchema.index({ conversationId: 1, turnId: 1 });
messageSchema.index({ siteKey: 1, visitorId: 1, clientId: 1 });
// Recent customer questions, for the review order's similarity counts.
messageSchema.index({ role: 1, createdAt: -1 });
messageSchema.index({ 'draft.status': 1, createdAt: -1 });

messageSchema.index({ role: 1, visibility: 1, createdAt: -1 });

const correctionSchema = new Schema<CorrectionDoc>(
  {
    _id: id,
    conversationId: text,
    messageId: text,
    context: jsonValue,
    original: jsonValue,
    correctedText: text,
    topic: nullableText,
    kind: text,
    reasons: { type: [String] },
    note: nullableText,
    agentId: text,
    agentName: text,
    editDistance: count,
    timeSpentMs: { type: Number, default: null },
    createdAt: text,
    review: {
      status: text,
      reviewer: json,
      at: nullableText,
      note: nullableText,
      edited: { type: Boolean, default: false },
      timeSpentMs: { type: Number, default: null },
    },
  },
  options,
);
correctionSchema.index({ 'review.status': 1, createdAt: 1 });
correctionSchema.index({ topic: 1, createdAt: 1 });
correctionSchema.index({ agentId: 1, createdAt: 1 });
correctionSchema.index({ kind: 1, createdAt: 1 });
correctionSchema.index({ createdAt: 1, _id: 1 });

const agentSchema = new Schema<AgentDoc>(
  {
    _id: id,
    email: text,
    emailLower: text,
    name: text,
    role: text,
    passwordHash: text,
    active: { type: Boolean, default: true },
    createdAt: text,
  },
  options,
);
agentSchema.index({ emailLower: 1 }, { unique: true });

// Expired sessions are refused by `getSession` and removed by `deleteExpiredSessions` (each login);
// not by a TTL index, because FerretDB v1 does not implement `expireAfterSeconds`.
const sessionSchema = new Schema<SessionDoc>(
  { _id: id, agentId: text, createdAt: text, expiresAt: text },
  options,
);
sessionSchema.index({ agentId: 1 });
sessionSchema.index({ expiresAt: 1 });

const auditSchema = new Schema<AuditDoc>(
  {
    _id: id,
    actor: json,
    action: text,
    target: nullableText,
    data: jsonValue,
    at: text,
  },
  options,
);
auditSchema.index({ at: -1 });

const settingSchema = new Schema<SettingDoc>({ _id: id, value: text, updatedAt: text }, options);

const conversationEventSchema = new Schema<ConversationEventDoc>(
  {
    _id: id,
    conversationId: text,
    at: text,
    event: text,
    siteKey: { type: String, default: undefined },
    waitedMs: { type: Number, default: undefined },
    kind: { type: String },
    site: nullableText,
    conversationCreatedAt: nullableText,
    actorId: nullableText,
    newOwnerId: nullableText,
    endedOwnerId: nullableText,
    handleMs: { type: Number, default: null },
    waitMs: { type: Number, default: null },
    topic: nullableText,
    question: nullableText,
    signals: { type: [String], default: undefined },
  },
  options,
);
conversationEventSchema.index({ conversationId: 1, at: 1, _id: 1 });
// A site's latest takeovers (only they carry `siteKey`).
conversationEventSchema.index({ siteKey: 1, at: -1 });
// The analytics page's counts and percentiles by kind over a range.
conversationEventSchema.index({ kind: 1, at: 1 });

const agentLoadSchema = new Schema<AgentLoadDoc>({ _id: id, open: jsonValue, version: count }, options);

const operationSchema = new Schema<OperationDoc>(
  { _id: id, kind: text, payload: text, createdAt: text },
  options,
);
operationSchema.index({ createdAt: 1, _id: 1 });

/** Binds the models to one connection and creates their collections and indexes. */
export async function createMongoModels(connection: Connection): Promise<MongoModels> {
  const models = bindModels(connection);
  // Only creates what is missing; an index an operator added by hand is left alone.
  await Promise.all([
    models.conversations.createIndexes(),
    models.messages.createIndexes(),
    models.corrections.createIndexes(),
    models.agents.createIndexes(),
    models.sessions.createIndexes(),
    models.audit.createIndexes(),
    models.articles.createIndexes(),
    models.operations.createIndexes(),
    models.conversationEvents.createIndexes(),
    models.visitorProfiles.createIndexes(),
    // No secondary indexes, so nothing above would create this one.
    models.settings.createCollection(),
    models.agentLoads.createCollection(),
  ]);
  return models;
}

function bindModels(connection: Connection) {
  return {
    conversations: connection.model('Conversation', conversationSchema, 'conversations'),
    messages: connection.model('Message', messageSchema, 'messages'),
    corrections: connection.model('Correction', correctionSchema, 'corrections'),
    agents: connection.model('Agent', agentSchema, 'agents'),
    sessions: connection.model('Session', sessionSchema, 'sessions'),
    audit: connection.model('AuditEvent', auditSchema, 'audit_events'),
    settings: connection.model('Setting', settingSchema, 'settings'),
    articles: connection.model('Article', articleSchema, 'articles'),
    operations: connection.model('PendingOperation', operationSchema, 'pending_operations'),
    agentLoads: connection.model('AgentLoad', agentLoadSchema, 'agent_loads'),
    conversationEvents: connection.model('ConversationEvent', conversationEventSchema, 'conversation_events'),
    visitorProfiles: connection.model('VisitorProfile', visitorProfileSchema, 'visitor_profiles'),
  };
}
