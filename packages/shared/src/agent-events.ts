import { z } from 'zod';
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
} from './models';

export const conversationListSchema = z.object({
  states: z.array(conversationStateSchema).min(1).max(4).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ConversationListInput = z.input<typeof conversationListSchema>;

export const conversationRefSchema = z.object({ conversationId: idSchema });
export type ConversationRef = z.infer<typeof conversationRefSchema>;

export const conversationWatchSchema = z.object({ conversationId: idSchema, afterSeq: seqSchema.default(0) });
export type ConversationWatchInput = z.input<typeof conversationWatchSchema>;

export const agentSendSchema = z.object({
  conversationId: idSchema,
  clientId: clientIdSchema,
  text: messageTextSchema,
});
export type AgentSendInput = z.input<typeof agentSendSchema>;

export const correctionCreateSchema = z.object({
  messageId: idSchema,
  correctedText: messageTextSchema,
  reasons: z.array(correctionReasonSchema).min(1).max(6),
  note: z.string().trim().max(1000).nullish(),
  timeSpentMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000)
    .nullish(),
});
export type CorrectionCreateInput = z.input<typeof correctionCreateSchema>;

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
  'conversation:close': (input: ConversationRef, ack: AckCallback<{ conversation: Conversation }>) => void;
  'message:send': (input: AgentSendInput, ack: AckCallback<{ message: Message }>) => void;
  'correction:create': (input: CorrectionCreateInput, ack: AckCallback<{ correction: Correction }>) => void;
}

export interface AgentServerToClientEvents {
  /** A conversation entered the queue; `reasons` says why. */
  'conversation:escalated': (conversation: Conversation) => void;
  /** Any other change: state, assignee, last message. */
  'conversation:updated': (conversation: Conversation) => void;
  /** A message in a conversation this socket watches (internal ones included). */
  'message:created': (message: Message) => void;
  'correction:created': (correction: Correction) => void;
  'presence:updated': (presence: { agentsOnline: number }) => void;
}

export interface AgentSocketData {
  agent: Agent;
}

export interface InterServerEvents {
  ping: () => void;
}
