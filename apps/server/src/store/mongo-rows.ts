import type { Agent, Conversation, Correction, Message } from '@hitl/shared/models';
import type {
  AgentDoc,
  AuditDoc,
  ConversationDoc,
  CorrectionDoc,
  MessageDoc,
  SessionDoc,
  SettingDoc,
} from './mongo-documents';
import type { AgentSession, AuditEvent, NewMessage } from './store';

/** Stored documents → the port's records. Each builds a fresh object with exactly the port's fields. */

export function toConversation(doc: ConversationDoc): Conversation {
  return {
    id: doc._id,
    siteKey: doc.siteKey,
    visitorId: doc.visitorId,
    state: doc.state,
    assignee:
      doc.assigneeId === null ? null : { id: doc.assigneeId, name: doc.assigneeName ?? doc.assigneeId },
    reasons: doc.reasons,
    escalatedAt: doc.escalatedAt,
    botContextFromSeq: doc.botContextFromSeq,
    lastSeq: doc.lastSeq,
    lastMessage: doc.lastMessage,
    lastCustomerText: doc.lastCustomerText ?? null,
    lastSentiment: doc.lastSentiment ?? null,
    lastConfidence: doc.lastConfidence ?? null,
    contactEmail: doc.contactEmail ?? null,
    outcome: doc.outcome ?? null,
    tags: doc.tags ?? [],
    satisfaction: doc.satisfaction ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toMessage(doc: MessageDoc): Message {
  return {
    id: doc._id,
    conversationId: doc.conversationId,
    seq: doc.seq,
    clientId: doc.clientId,
    role: doc.role,
    visibility: doc.visibility,
    text: doc.text,
    author: doc.author,
    // Bot meta stored before `topic` existed reads with a null topic.
    bot: doc.bot === null ? null : { ...doc.bot, topic: doc.bot.topic ?? null },
    notice: doc.notice,
    correctionId: doc.correctionId,
    draft: doc.draft ?? null,
    ...(doc.email ? { email: doc.email } : {}),
    createdAt: doc.createdAt,
  };
}

/** The document for a new message, numbered `seq`, in a conversation of this visitor. */
export function toMessageDoc(
  input: NewMessage,
  seq: number,
  visitor: { siteKey: string; visitorId: string },
): MessageDoc {
  return {
    _id: input.id,
    conversationId: input.conversationId,
    seq,
    clientId: input.clientId,
    dedupKey: input.clientId === null ? `m:${input.id}` : clientDedupKey(input.clientId),
    role: input.role,
    visibility: input.visibility,
    text: input.text,
    author: input.author,
    bot: input.bot,
    notice: input.notice,
    correctionId: null,
    draft: input.draft,
    ...(input.email ? { email: input.email } : {}),
    createdAt: input.createdAt,
    ...(input.role === 'customer' ? { siteKey: visitor.siteKey, visitorId: visitor.visitorId } : {}),
    ...(input.sentiment === undefined ? {} : { sentiment: input.sentiment }),
  };
}

/** What a stored message changes on its conversation besides `lastSeq` and `updatedAt`. */
export function lastFieldsOf(message: MessageDoc): Partial<ConversationDoc> {
  const fields: Partial<ConversationDoc> = {};
  if (message.visibility === 'public') fields.lastMessage = message.text;
  if (message.visibility === 'public' && message.role === 'customer') {
    fields.lastCustomerText = message.text;
    fields.lastSentiment = message.sentiment ?? null;
    fields.awaitingBotSeq = message.seq;
  }
  if (message.bot) fields.lastConfidence = message.bot.confidence;
  return fields;
}

export function clientDedupKey(clientId: string): string {
  return `c:${clientId}`;
}

export function toCorrection(doc: CorrectionDoc): Correction {
  return {
    id: doc._id,
    conversationId: doc.conversationId,
    messageId: doc.messageId,
    context: doc.context,
    original: {
      text: doc.original.text,
      confidence: doc.original.confidence,
      responder: doc.original.responder,
      modelId: doc.original.modelId,
    },
    correctedText: doc.correctedText,
    topic: doc.topic ?? null,
    kind: doc.kind,
    reasons: [...doc.reasons],
    note: doc.note,
    agent: { id: doc.agentId, name: doc.agentName },
    editDistance: doc.editDistance,
    timeSpentMs: doc.timeSpentMs,
    createdAt: doc.createdAt,
    review: {
      status: doc.review.status,
      reviewer: doc.review.reviewer,
      at: doc.review.at,
      note: doc.review.note,
      edited: doc.review.edited ?? false,
    },
  };
}

export function toAgent(doc: AgentDoc): Agent {
  return {
    id: doc._id,
    email: doc.email,
    name: doc.name,
    role: doc.role,
    // Agents written before deactivation existed are active.
    active: doc.active !== false,
    createdAt: doc.createdAt,
  };
}

export function toSession(doc: SessionDoc): AgentSession {
  return { tokenHash: doc._id, agentId: doc.agentId, createdAt: doc.createdAt, expiresAt: doc.expiresAt };
}

export function toAuditEvent(doc: AuditDoc): AuditEvent {
  return {
    id: doc._id,
    actor: doc.actor,
    action: doc.action,
    target: doc.target,
    data: doc.data,
    at: doc.at,
  };
}

export function toSetting(doc: SettingDoc): { value: unknown; updatedAt: string } {
  return { value: JSON.parse(doc.value) as unknown, updatedAt: doc.updatedAt };
}

/** A setting's stored text; a value JSON cannot represent is refused rather than stored as null. */
export function toSettingJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('a setting value must be JSON-serialisable');
  return text;
}

/**
 * True for a value that can be a stored id or key. The port types these as strings; anything else
 * (an operator object such as `{ $gt: '' }` that slipped past validation) matches nothing.
 */
export function isKey(value: unknown): value is string {
  return typeof value === 'string';
}
