import { z } from 'zod';
import { closeOutcomeSchema, conversationTagsSchema } from './close-outcomes';
import type { AckCallback } from './errors';
import {
  type Agent,
  type Conversation,
  type Correction,
  clientIdSchema,
  conversationStateSchema,
  correctionReasonSchema,
  idSchema,
  type Message,
  messageTextSchema,
  seqSchema,
  timeSpentSchema,
} from './models';
import type { ReviewItem, ReviewMarkInput, ReviewMarkResult } from './review-items';
import type { ConversationTransferInput, PresenceSetInput } from './team-presence';
import type { TypingUpdate, VisitorConversationsInput, VisitorProfile } from './visitor-context';

/** Where a page of the conversation list ends: the last conversation's `updatedAt` and id. */
export const conversationCursorSchema = z.strictObject({ updatedAt: z.iso.datetime(), id: idSchema });
export type ConversationCursor = z.infer<typeof conversationCursorSchema>;

export const conversationListSchema = z.object({
  states: z.array(conversationStateSchema).min(1).max(4).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  /** The next page: conversations updated before this cursor (most recently updated first). */
  before: conversationCursorSchema.optional(),
});
export type ConversationListInput = z.input<typeof conversationListSchema>;

export const conversationRefSchema = z.object({ conversationId: idSchema });
export type ConversationRef = z.infer<typeof conversationRefSchema>;

/** Close from any open state, saying how it ended; tags are optional. */
export const conversationCloseSchema = z.object({
  conversationId: idSchema,
  outcome: closeOutcomeSchema.default('resolved'),
  tags: conversationTagsSchema.default([]),
});
export type ConversationCloseInput = z.input<typeof conversationCloseSchema>;

export const conversationWatchSchema = z.object({ conversationId: idSchema, afterSeq: seqSchema.default(0) });
export type ConversationWatchInput = z.input<typeof conversationWatchSchema>;

export const agentSendSchema = z.object({
  conversationId: idSchema,
  clientId: clientIdSchema,
  text: messageTextSchema,
});
export type AgentSendInput = z.input<typeof agentSendSchema>;

/** An internal note on a conversation: agents only, never the customer. Idempotent on clientId like a reply. */
export const noteSendSchema = z.object({
  conversationId: idSchema,
  clientId: clientIdSchema,
  text: messageTextSchema,
});
export type NoteSendInput = z.input<typeof noteSendSchema>;

/** What an agent says about a wrong reply: why (tags), an optional note, and the time it took. */
const correctionDetailsSchema = z.object({
  reasons: z.array(correctionReasonSchema).min(1).max(6),
  note: z.string().trim().max(1000).nullish(),
  timeSpentMs: timeSpentSchema,
});

export const correctionCreateSchema = correctionDetailsSchema.extend({
  messageId: idSchema,
  correctedText: messageTextSchema,
});
export type CorrectionCreateInput = z.input<typeof correctionCreateSchema>;

/**
 * An agent marks their own reply as the answer to the customer's question (a `human_answer` training
 * example), or takes the mark back before anyone reviewed it. Replies are never examples unless marked.
 */
export const answerMarkSchema = z.strictObject({ messageId: idSchema, marked: z.boolean() });
export type AnswerMarkInput = z.input<typeof answerMarkSchema>;
export type AnswerMarkResult = { message: Message; correction: Correction | null };

/** `timeSpentMs`: from the draft being shown to the approval (edits and rejections carry theirs as corrections). */
export const draftApproveSchema = z.object({ messageId: idSchema, timeSpentMs: timeSpentSchema });
export type DraftApproveInput = z.input<typeof draftApproveSchema>;

/** Edit (send the agent's version as the assistant's reply) or reject (send it as the agent's own reply). */
export const draftReviseSchema = correctionDetailsSchema.extend({
  messageId: idSchema,
  text: messageTextSchema,
});
export type DraftReviseInput = z.input<typeof draftReviseSchema>;
export type DraftResult = { draft: Message; published: Message; correction: Correction | null };

export interface AgentClientToServerEvents {
  'conversation:list': (
    input: ConversationListInput,
    ack: AckCallback<{ conversations: Conversation[] }>,
  ) => void;
  'conversation:watch': (
    input: ConversationWatchInput,
    ack: AckCallback<{ conversation: Conversation; messages: Message[] }>,
  ) => void;
  'conversation:unwatch': (input: ConversationRef, ack: AckCallback<null>) => void;
  'conversation:claim': (input: ConversationRef, ack: AckCallback<{ conversation: Conversation }>) => void;
  'conversation:handback': (input: ConversationRef, ack: AckCallback<{ conversation: Conversation }>) => void;
  'conversation:close': (
    input: ConversationCloseInput,
    ack: AckCallback<{ conversation: Conversation }>,
  ) => void;
  /** The owner (or an admin) passes the conversation to another active agent who is not offline. */
  'conversation:transfer': (
    input: ConversationTransferInput,
    ack: AckCallback<{ conversation: Conversation }>,
  ) => void;
  /** This console is in use (online) or idle (away). */
  'presence:set': (input: PresenceSetInput, ack: AckCallback<null>) => void;
  'message:send': (input: AgentSendInput, ack: AckCallback<{ message: Message }>) => void;
  /** Writes an internal note (role `note`), in any state of the conversation; the customer never receives it. */
  'note:send': (input: NoteSendInput, ack: AckCallback<{ message: Message }>) => void;
  'correction:create': (input: CorrectionCreateInput, ack: AckCallback<{ correction: Correction }>) => void;
  /** Idempotent: marking twice records one correction; unmarking a reviewed answer is refused. */
  'answer:mark': (input: AnswerMarkInput, ack: AckCallback<AnswerMarkResult>) => void;
  /** Send a held bot reply as it is. */
  'draft:approve': (input: DraftApproveInput, ack: AckCallback<DraftResult>) => void;
  /** Send the agent's edited version as the assistant's reply; records an `edited_draft` correction. */
  'draft:edit': (input: DraftReviseInput, ack: AckCallback<DraftResult>) => void;
  /** Discard the draft and send the agent's own reply instead; records a `rejected_draft` correction. */
  'draft:reject': (input: DraftReviseInput, ack: AckCallback<DraftResult>) => void;
  /**
   * Mark a review-later item right, or correct it (a `rewritten_reply` correction; the customer gets the
   * correction as a follow-up while the conversation is not closed). Written once: a second mark is refused.
   */
  'review:mark': (input: ReviewMarkInput, ack: AckCallback<ReviewMarkResult>) => void;
  /** What the site and the browser said about the conversation's visitor (null: nothing yet). */
  'visitor:profile': (input: ConversationRef, ack: AckCallback<{ profile: VisitorProfile | null }>) => void;
  /** The visitor's other conversations, most recently updated first; `next` is the following page. */
  'visitor:conversations': (
    input: VisitorConversationsInput,
    ack: AckCallback<{ conversations: Conversation[]; next: ConversationCursor | null }>,
  ) => void;
  /** The agent is typing a reply (throttled) or stopped; relayed to that visitor only. */
  'typing:update': (input: TypingUpdate, ack: AckCallback<null>) => void;
}

export interface AgentServerToClientEvents {
  /** A conversation entered the queue; `reasons` says why. */
  'conversation:escalated': (conversation: Conversation) => void;
  /** Any other change: state, assignee, last message. */
  'conversation:updated': (conversation: Conversation) => void;
  /** A message in a conversation this socket watches (internal ones included). */
  'message:created': (message: Message) => void;
  /** A watched message changed (a draft was reviewed, a reply was corrected). */
  'message:updated': (message: Message) => void;
  /** A held bot reply waits for review (sent to every agent). */
  'draft:created': (message: Message) => void;
  'correction:created': (correction: Correction) => void;
  /** A pending correction its author took back (an unmarked answer): it no longer exists. */
  'correction:withdrawn': (withdrawn: { id: string }) => void;
  'presence:updated': (presence: { agentsOnline: number }) => void;
  /** An answer in the review band entered the review-later list (sent to every agent). */
  'review:created': (item: ReviewItem) => void;
  /** A review-later item was marked right or corrected (sent to every agent). */
  'review:updated': (item: ReviewItem) => void;
  /** A watched conversation's visitor identified themselves or moved to another page. */
  'visitor:profile-updated': (profile: VisitorProfile) => void;
  /** The customer of a watched conversation is typing (expires without a refresh) or stopped. */
  'customer:typing': (event: TypingUpdate) => void;
}

export interface AgentSocketData {
  agent: Agent;
  /** The session the socket was opened with, and when it ends (ISO). */
  sessionKey: string;
  sessionExpiresAt: string;
  /** Server-side only: looks the session up again before each event (ended by logout, deactivation…). */
  sessionTokenHash: string;
  /** What the console last reported (`presence:set`); online when it connects. Read across nodes. */
  presence: 'online' | 'away';
}

export interface InterServerEvents {
  /** An admin changed the escalation policy on one node; the others reload it from the store. */
  'policy:changed': () => void;
  /** Articles were created, edited, retired or imported on one node; the others reload them from the store. */
  'knowledge:changed': () => void;
}
