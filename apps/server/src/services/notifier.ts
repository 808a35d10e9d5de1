import type { Author, Conversation, Correction, Message } from '@hitl/shared/models';
import type { QueueStatus } from '@hitl/shared/queue-wait';
import type { ReviewItem } from '@hitl/shared/review-items';
import type { VisitorProfile } from '@hitl/shared/visitor-context';

/** How services tell connected clients what happened. Implemented by the realtime transport. */
export interface Notifier {
  /**
   * `origin`: the connection the message came in on, which has it in its ack already and is not sent it
   * again (its other tabs are).
   */
  messageCreated(conversation: Conversation, message: Message, origin?: string): void;
  conversationChanged(conversation: Conversation, change: 'escalated' | 'updated'): void;
  correctionCreated(correction: Correction): void;
  /** A pending correction was taken back by its author (an answer unmarked): lists drop it. */
  correctionWithdrawn(correctionId: string): void;
  /** A held bot reply waits for review. */
  draftCreated(conversation: Conversation, draft: Message): void;
  /** A message changed after it was created (a reviewed draft, a corrected reply). */
  messageUpdated(conversation: Conversation, message: Message): void;
  /** An answer entered the review-later list, or an item of it was marked (to every agent). */
  reviewItemChanged(item: ReviewItem, change: 'created' | 'updated'): void;
  /** This node's policy changed; other nodes must reload theirs. */
  policyChanged(): void;
  /** This node's knowledge base changed; other nodes must reload their articles. */
  knowledgeChanged(): void;
  /** An agent session ended (logout): its sockets are disconnected, on every node. */
  sessionEnded(sessionKey: string): void;
  /** Every session of one agent ended (deactivation, role change): all their sockets, on every node. */
  agentSessionsEnded(agentId: string): void;
  botTyping(conversation: Conversation, typing: boolean): void;
  /** A piece of the bot's reply as it is written, to the customer only; `streamId` is its future message id. */
  botStream(conversation: Conversation, streamId: string, delta: string): void;
  /** The streamed reply is over: kept → stored under `streamId`; else the customer's preview is dropped. */
  botStreamEnd(conversation: Conversation, streamId: string, kept: boolean): void;
  /** The visitor of `conversation` identified themselves or changed page: to the agents watching it. */
  visitorProfileChanged(conversation: Conversation, profile: VisitorProfile): void;
  /** The customer is typing or stopped: to the agents watching the conversation only. */
  customerTyping(conversation: Conversation, typing: boolean): void;
  /** The owning agent is typing or stopped: to that visitor's sockets only. */
  agentTyping(conversation: Conversation, agent: Author, typing: boolean): void;
  /** Agents currently connected (across every server node). */
  agentsOnline(): Promise<number>;
  /**
   * Each connected agent's presence, across every server node: online when any of their consoles is in
   * use, away when every one is idle. Agents with no console connected are absent (offline).
   */
  agentPresence(): Promise<Map<string, 'online' | 'away'>>;
  /** Where a waiting conversation stands in its queue now: to that visitor's sockets only. */
  queuePosition(siteKey: string, visitorId: string, status: QueueStatus): void;
}
