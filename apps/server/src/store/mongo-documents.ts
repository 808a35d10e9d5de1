import type { CloseOutcome } from '@hitl/shared/close-outcomes';
import type {
  AgentRole,
  Author,
  BotMeta,
  ContextTurn,
  ConversationState,
  Correction,
  CorrectionKind,
  CorrectionReason,
  DraftState,
  EmailDelivery,
  MessageRole,
  Reason,
  ReviewStatus,
  Satisfaction,
  SystemNoticeKind,
  Visibility,
} from '@hitl/shared/models';

/**
 * Documents as they are stored. Timestamps stay ISO-8601 strings in `toISOString()` form, exactly
 * as the port hands them over, so they sort as text and read back unchanged.
 */

export interface ConversationDoc {
  _id: string;
  siteKey: string;
  visitorId: string;
  state: ConversationState;
  assigneeId: string | null;
  assigneeName: string | null;
  reasons: Reason[];
  escalatedAt: string | null;
  botContextFromSeq: number;
  lastSeq: number;
  lastMessage: string | null;
  /** Absent on documents stored before these fields existed, which read as null. */
  lastCustomerText?: string | null;
  lastSentiment?: number | null;
  lastConfidence?: number | null;
  /** Absent on documents stored before the field existed, which read as null. */
  contactEmail?: string | null;
  /** The latest customer message no bot turn has answered yet (absent or null: none). */
  awaitingBotSeq?: number | null;
  /** The latest question a bot turn answered, and which turn (absent: none). */
  answeredSeq?: number;
  answeredBy?: string | null;
  /** Absent on documents stored before these fields existed: null and no tags. */
  outcome?: CloseOutcome | null;
  tags?: string[];
  /**
   * The queue's severity rank of `reasons` (`severityRank`), kept with them so the queue is ordered by the
   * database; null on documents stored before the field existed until the store fills it in at open.
   */
  queueRank?: number | null;
  /** Milliseconds from the start to the first public bot or agent message (absent or null: none yet). */
  firstReplyMs?: number | null;
  /** The customer's rating after close (absent or null: not rated). */
  satisfaction?: Satisfaction | null;
  createdAt: string;
  updatedAt: string;
}

export interface MessageDoc {
  _id: string;
  conversationId: string;
  seq: number;
  clientId: string | null;
  /**
   * `c:<clientId>` for a message sent with a client id, `m:<id>` otherwise: always present, so one
   * plain unique index on (conversationId, dedupKey) makes retries idempotent without a partial
   * index (which FerretDB v1 does not implement).
   */
  dedupKey: string;
  /** The bot turn that stored it (see `AppendPrecondition.turn`); absent otherwise. */
  turnId?: string;
  role: MessageRole;
  visibility: Visibility;
  text: string;
  author: Author | null;
  bot: BotMeta | null;
  notice: SystemNoticeKind | null;
  correctionId: string | null;
  /** Absent on documents stored before the field existed, which read as null. */
  draft?: DraftState | null;
  /** Only on an e-mail reply. */
  email?: EmailDelivery | null;
  createdAt: string;
  /** A customer message's sentiment score at ingest, for the conversation's `lastSentiment`. */
  sentiment?: number;
  /** Copied from the conversation onto customer messages, to find a visitor's message by client id. */
  siteKey?: string;
  visitorId?: string;
}

export interface CorrectionDoc {
  _id: string;
  conversationId: string;
  messageId: string;
  context: ContextTurn[];
  original: Correction['original'];
  correctedText: string;
  /** Absent on documents stored before the field existed, which read as null. */
  topic?: string | null;
  kind: CorrectionKind;
  reasons: CorrectionReason[];
  note: string | null;
  agentId: string;
  agentName: string;
  editDistance: number;
  timeSpentMs: number | null;
  createdAt: string;
  review: {
    status: ReviewStatus;
    reviewer: Author | null;
    at: string | null;
    note: string | null;
    /** Absent on documents stored before the field existed, which read as false. */
    edited?: boolean;
    /** How long the review took (measured by the console); absent or null when not measured. */
    timeSpentMs?: number | null;
  };
}

export interface AgentDoc {
  _id: string;
  email: string;
  /** The unique key: emails are unique ignoring case, and FerretDB has no collations. */
  emailLower: string;
  name: string;
  role: AgentRole;
  passwordHash: string;
  active?: boolean;
  createdAt: string;
}

export interface SessionDoc {
  /** The token hash. */
  _id: string;
  agentId: string;
  createdAt: string;
  expiresAt: string;
}

export interface SettingDoc {
  /** The setting's key. */
  _id: string;
  /**
   * The value as JSON text, so any JSON value reads back exactly: keys that MongoDB treats
   * specially (`$`-prefixed, dotted) and the order of object keys are kept as given.
   */
  value: string;
  updatedAt: string;
}

export interface AuditDoc {
  _id: string;
  actor: Author | null;
  action: string;
  target: string | null;
  data: Record<string, unknown>;
  at: string;
}

export interface OperationDoc {
  _id: string;
  kind: string;
  /** JSON text (see `SettingDoc.value`). */
  payload: string;
  createdAt: string;
}

/**
 * The conversations one agent holds a place for (see `mongo-agent-loads.ts`): each entry is a
 * conversation id and when its place was taken. Rewritten whole under `version` (compare-and-set).
 */
export interface AgentLoadDoc {
  _id: string;
  open: { id: string; at: string }[];
  version: number;
}

/** One event of a conversation's timeline; `event` is the event as JSON text. */
export interface ConversationEventDoc {
  _id: string;
  conversationId: string;
  at: string;
  event: string;
  /** On a takeover (a claim with a wait): the conversation's site and the wait, for the queue's estimate. */
  siteKey?: string;
  waitedMs?: number;
  /** What the analytics count (`analytics-event-facts.ts`); absent on events written before it existed. */
  kind?: string;
  /** The conversation's site, on every event (`siteKey` is set on takeovers alone, for the queue's estimate). */
  site?: string | null;
  conversationCreatedAt?: string | null;
  actorId?: string | null;
  newOwnerId?: string | null;
  endedOwnerId?: string | null;
  handleMs?: number | null;
  waitMs?: number | null;
  topic?: string | null;
  question?: string | null;
  signals?: string[];
}
