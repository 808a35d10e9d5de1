import type { CorrectionFilter } from '@hitl/shared/rest';
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
  Message,
  MessageRole,
  Reason,
  ReviewStatus,
  SystemNoticeKind,
  Visibility,
} from '@hitl/shared/models';

/**
 * The persistence port. Adapters: `sqlite` (embedded default) and `mongo` (mongoose).
 * Both must pass `store-contract.ts`. Every method is atomic on its own; nothing is half-written.
 */
export interface Store {
  readonly kind: 'sqlite' | 'mongo';

  // conversations
  createConversation(input: NewConversation): Promise<Conversation>;
  getConversation(id: string): Promise<Conversation | null>;
  /** The visitor's most recent conversation that is not closed. */
  findOpenConversation(siteKey: string, visitorId: string): Promise<Conversation | null>;
  /** Most recently updated first. */
  listConversations(query: ConversationQuery): Promise<Conversation[]>;
  /**
   * Compare-and-set: applies `patch` only if the conversation is in one of `from`
   * (and, when `assigneeId` is given, assigned to that agent). Returns the updated
   * conversation, or null when the precondition did not hold (nothing changed).
   */
  transitionConversation(
    id: string,
    from: readonly ConversationState[],
    patch: ConversationPatch,
    assigneeId?: string,
  ): Promise<Conversation | null>;

  // messages
  /**
   * Stores a message with the conversation's next `seq`, atomically. Idempotent on
   * (conversationId, clientId): a second call with the same client id returns the
   * stored message with `created: false` and changes nothing. Also moves the conversation's
   * `lastSeq` and `updatedAt` (and `lastMessage`, for public messages) in the same transaction.
   */
  appendMessage(input: NewMessage): Promise<{ message: Message; created: boolean }>;
  /** A message a visitor sent with this client id, in any of their conversations. */
  findVisitorMessageByClientId(siteKey: string, visitorId: string, clientId: string): Promise<Message | null>;
  getMessage(id: string): Promise<Message | null>;
  /** Ascending by seq, seq > afterSeq. */
  listMessages(conversationId: string, query: MessageQuery): Promise<Message[]>;
  setMessageCorrection(messageId: string, correctionId: string): Promise<void>;

  // corrections
  createCorrection(input: NewCorrection): Promise<Correction>;
  getCorrection(id: string): Promise<Correction | null>;
  listCorrections(filter: CorrectionFilter, page?: { limit: number; offset: number }): Promise<Correction[]>;
  /** Streams matching corrections oldest first, in constant memory (a cursor, not an array). */
  iterateCorrections(filter: CorrectionFilter): AsyncIterable<Correction>;
  reviewCorrection(id: string, review: CorrectionReview): Promise<Correction | null>;

  // agents and sessions
  createAgent(input: NewAgent): Promise<Agent>;
  getAgent(id: string): Promise<Agent | null>;
  /** With the password hash, for login only. */
  findAgentCredentials(email: string): Promise<{ agent: Agent; passwordHash: string } | null>;
  countAgents(): Promise<number>;
  listAgents(): Promise<Agent[]>;
  createSession(session: AgentSession): Promise<void>;
  /** Null when missing or expired at `now`. */
  getSession(tokenHash: string, now: string): Promise<AgentSession | null>;
  deleteSession(tokenHash: string): Promise<void>;

  // audit trail
  appendAudit(event: NewAuditEvent): Promise<AuditEvent>;
  listAudit(limit: number): Promise<AuditEvent[]>;

  /** Cheap reachability check for /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface NewConversation {
  id: string;
  siteKey: string;
  visitorId: string;
  createdAt: string;
}

export interface ConversationQuery {
  states?: readonly ConversationState[];
  limit: number;
}

export interface ConversationPatch {
  state?: ConversationState;
  assignee?: Author | null;
  reasons?: Reason[];
  escalatedAt?: string | null;
  botContextFromSeq?: number;
  updatedAt: string;
}

export interface NewMessage {
  id: string;
  conversationId: string;
  clientId: string | null;
  role: MessageRole;
  visibility: Visibility;
  text: string;
  author: Author | null;
  bot: BotMeta | null;
  notice: SystemNoticeKind | null;
  createdAt: string;
}

export interface MessageQuery {
  afterSeq: number;
  includeInternal: boolean;
  limit?: number;
}

export interface NewCorrection {
  id: string;
  conversationId: string;
  messageId: string;
  context: ContextTurn[];
  original: Correction['original'];
  correctedText: string;
  kind: CorrectionKind;
  reasons: CorrectionReason[];
  note: string | null;
  agent: Author;
  editDistance: number;
  timeSpentMs: number | null;
  createdAt: string;
}

export interface CorrectionReview {
  status: ReviewStatus;
  reviewer: Author;
  at: string;
  note: string | null;
  /** A reviewer may fix the corrected text while approving. */
  correctedText?: string;
}

export interface NewAgent {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  passwordHash: string;
  createdAt: string;
}

export interface AgentSession {
  tokenHash: string;
  agentId: string;
  createdAt: string;
  expiresAt: string;
}

export interface NewAuditEvent {
  id: string;
  actor: Author | null;
  action: string;
  target: string | null;
  data: Record<string, unknown>;
  at: string;
}
export type AuditEvent = NewAuditEvent;
