import type { CloseOutcome } from '@hitl/shared/close-outcomes';
import type {
  Agent,
  AgentRole,
  Author,
  BotMeta,
  ContextTurn,
  Conversation,
  ConversationState,
  Correction,
  CorrectionKind,
  CorrectionReason,
  DraftState,
  EmailDelivery,
  Message,
  MessageRole,
  Reason,
  ReviewStatus,
  SystemNoticeKind,
  Visibility,
} from '@hitl/shared/models';
import type { AgentSession, AuditEvent } from './store';

/** Rows as SQLite returns them: snake_case columns, JSON documents as TEXT. */

export interface ConversationRow {
  id: string;
  site_key: string;
  visitor_id: string;
  state: ConversationState;
  assignee_id: string | null;
  assignee_name: string | null;
  reasons: string;
  escalated_at: string | null;
  bot_context_from_seq: number;
  last_seq: number;
  last_message: string | null;
  last_customer_text: string | null;
  last_sentiment: number | null;
  last_confidence: number | null;
  contact_email: string | null;
  close_outcome: CloseOutcome | null;
  tags: string;
  satisfaction_rating: number | null;
  satisfaction_comment: string | null;
  satisfaction_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  client_id: string | null;
  role: MessageRole;
  visibility: Visibility;
  text: string;
  author: string | null;
  bot: string | null;
  notice: SystemNoticeKind | null;
  correction_id: string | null;
  draft: string | null;
  email: string | null;
  created_at: string;
}

export interface CorrectionRow {
  id: string;
  conversation_id: string;
  message_id: string;
  context: string;
  original: string;
  corrected_text: string;
  topic: string | null;
  kind: CorrectionKind;
  reasons: string;
  note: string | null;
  agent_id: string;
  agent_name: string;
  edit_distance: number;
  time_spent_ms: number | null;
  created_at: string;
  review_status: ReviewStatus;
  reviewer: string | null;
  reviewed_at: string | null;
  review_note: string | null;
  review_edited: number;
}

export interface AgentRow {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  password_hash: string;
  active: number;
  created_at: string;
}

export interface SessionRow {
  token_hash: string;
  agent_id: string;
  created_at: string;
  expires_at: string;
}

export interface SettingRow {
  key: string;
  value: string;
  updated_at: string;
}

export interface AuditRow {
  id: string;
  actor: string | null;
  action: string;
  target: string | null;
  data: string;
  at: string;
}

/** Serialises a JSON column; `null` stays SQL NULL rather than the string "null". */
export function toJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** A setting's stored text; a value JSON cannot represent is refused rather than stored as null. */
export function toSettingJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('a setting value must be JSON-serialisable');
  return text;
}

function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

function fromNullableJson<T>(text: string | null): T | null {
  return text === null ? null : fromJson<T>(text);
}

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    siteKey: row.site_key,
    visitorId: row.visitor_id,
    state: row.state,
    assignee:
      row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name ?? row.assignee_id },
    reasons: fromJson<Reason[]>(row.reasons),
    escalatedAt: row.escalated_at,
    botContextFromSeq: row.bot_context_from_seq,
    lastSeq: row.last_seq,
    lastMessage: row.last_message,
    lastCustomerText: row.last_customer_text,
    lastSentiment: row.last_sentiment,
    lastConfidence: row.last_confidence,
    contactEmail: row.contact_email,
    outcome: row.close_outcome,
    tags: fromJson<string[]>(row.tags),
    satisfaction:
      row.satisfaction_rating === null || row.satisfaction_at === null
        ? null
        : {
            rating: row.satisfaction_rating,
            comment: row.satisfaction_comment,
            ratedAt: row.satisfaction_at,
          },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    clientId: row.client_id,
    role: row.role,
    visibility: row.visibility,
    text: row.text,
    author: fromNullableJson<Author>(row.author),
    bot: toBotMeta(fromNullableJson<BotMeta>(row.bot)),
    notice: row.notice,
    correctionId: row.correction_id,
    draft: fromNullableJson<DraftState>(row.draft),
    ...(row.email === null ? {} : { email: fromJson<EmailDelivery>(row.email) }),
    createdAt: row.created_at,
  };
}

/** Bot meta stored before `topic` existed reads with a null topic. */
function toBotMeta(bot: BotMeta | null): BotMeta | null {
  return bot === null ? null : { ...bot, topic: bot.topic ?? null };
}

export function toCorrection(row: CorrectionRow): Correction {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    context: fromJson<ContextTurn[]>(row.context),
    original: fromJson<Correction['original']>(row.original),
    correctedText: row.corrected_text,
    topic: row.topic,
    kind: row.kind,
    reasons: fromJson<CorrectionReason[]>(row.reasons),
    note: row.note,
    agent: { id: row.agent_id, name: row.agent_name },
    editDistance: row.edit_distance,
    timeSpentMs: row.time_spent_ms,
    createdAt: row.created_at,
    review: {
      status: row.review_status,
      reviewer: fromNullableJson<Author>(row.reviewer),
      at: row.reviewed_at,
      note: row.review_note,
      edited: row.review_edited === 1,
    },
  };
}

export function toAgent(row: AgentRow): Agent {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

export function toSession(row: SessionRow): AgentSession {
  return {
    tokenHash: row.token_hash,
    agentId: row.agent_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

export function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    actor: fromNullableJson<Author>(row.actor),
    action: row.action,
    target: row.target,
    data: fromJson<Record<string, unknown>>(row.data),
    at: row.at,
  };
}

export function toSetting(row: SettingRow): { value: unknown; updatedAt: string } {
  return { value: fromJson<unknown>(row.value), updatedAt: row.updated_at };
}
