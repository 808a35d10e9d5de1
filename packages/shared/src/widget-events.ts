import { z } from 'zod';
import type { AckCallback } from './errors';
import {
  authorSchema,
  clientIdSchema,
  conversationStateSchema,
  idSchema,
  type Message,
  messageTextSchema,
  seqSchema,
} from './models';
import type { QueueStatus } from './queue-wait';
import type { AgentTyping, TypingUpdate, VisitorIdentityInput, VisitorPageInput } from './visitor-context';

/** What a visitor may know about their conversation (no escalation internals). */
export const publicConversationSchema = z.object({
  id: z.string(),
  state: conversationStateSchema,
  agent: authorSchema.nullable(),
  lastSeq: seqSchema,
  /** Whether the customer already left an e-mail for a reply. */
  contactLeft: z.boolean(),
  /** Whether the customer already rated it (the widget asks once, after close). */
  rated: z.boolean(),
});
export type PublicConversation = z.infer<typeof publicConversationSchema>;

export const widgetSyncSchema = z.object({
  conversationId: idSchema.nullish(),
  afterSeq: seqSchema.default(0),
});
export type WidgetSyncInput = z.input<typeof widgetSyncSchema>;
export type WidgetSyncResult = {
  conversation: PublicConversation | null;
  messages: Message[];
  /** Its place in the queue while it waits for a person; null otherwise. */
  queue: QueueStatus | null;
};

export const widgetSendSchema = z.object({
  clientId: clientIdSchema,
  conversationId: idSchema.nullish(),
  text: messageTextSchema,
});
export type WidgetSendInput = z.input<typeof widgetSendSchema>;
/** `queue`: while the conversation waits for a person, where it stands (the widget acknowledges with it). */
export type WidgetSendResult = {
  message: Message;
  conversation: PublicConversation;
  queue: QueueStatus | null;
};

export const widgetSessionRequestSchema = z.object({
  siteKey: z.string().min(1).max(64),
  token: z.string().max(512).nullish(),
});
export type WidgetSessionRequest = z.infer<typeof widgetSessionRequestSchema>;
export const widgetSessionResponseSchema = z.object({
  token: z.string(),
  visitorId: z.string(),
  /** The site key's display name and greeting, edited by admins in the console. */
  siteName: z.string(),
  greeting: z.string(),
});
export type WidgetSessionResponse = z.infer<typeof widgetSessionResponseSchema>;

export const contactLeaveSchema = z.object({
  conversationId: idSchema,
  email: z.string().trim().toLowerCase().email().max(254),
});
export type ContactLeaveInput = z.input<typeof contactLeaveSchema>;

export const conversationRateSchema = z.object({
  conversationId: idSchema,
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).optional(),
});
export type ConversationRateInput = z.input<typeof conversationRateSchema>;
/** `link:ping`: the widget's heartbeat while its panel is open or messages wait; answered, nothing stored. */
export const linkPingSchema = z.object({}).strict();
export type LinkPingInput = z.input<typeof linkPingSchema>;

/** Handshake `auth` of the /widget namespace. */
export const widgetAuthSchema = z.object({
  siteKey: z.string().min(1).max(64),
  token: z.string().min(1).max(512),
});
export type WidgetAuth = z.infer<typeof widgetAuthSchema>;

export interface WidgetClientToServerEvents {
  'conversation:sync': (input: WidgetSyncInput, ack: AckCallback<WidgetSyncResult>) => void;
  'message:send': (input: WidgetSendInput, ack: AckCallback<WidgetSendResult>) => void;
  /** Leave an e-mail for a reply when nobody is online. */
  'contact:leave': (input: ContactLeaveInput, ack: AckCallback<{ conversation: PublicConversation }>) => void;
  /** Rate a closed conversation 1–5 with an optional comment; once. */
  'conversation:rate': (
    input: ConversationRateInput,
    ack: AckCallback<{ conversation: PublicConversation }>,
  ) => void;
  /** `HitlWidget.identify(…)`: who the site says the visitor is (a claim, shown as one). */
  'visitor:identify': (input: VisitorIdentityInput, ack: AckCallback<null>) => void;
  /** The page the visitor is on: at every connect and after every navigation. */
  'visitor:page': (input: VisitorPageInput, ack: AckCallback<null>) => void;
  /** The customer is typing (throttled) or stopped; relayed to the agents watching the conversation. */
  'typing:update': (input: TypingUpdate, ack: AckCallback<null>) => void;
  /** Heartbeat: an unanswered ping tells the widget its link is gone long before Engine.IO would. */
  'link:ping': (input: LinkPingInput, ack: AckCallback<null>) => void;
}

export interface WidgetServerToClientEvents {
  'message:created': (message: Message) => void;
  'conversation:updated': (conversation: PublicConversation) => void;
  'bot:typing': (event: { conversationId: string; typing: boolean }) => void;
  /** A piece of the bot's reply while it is written; the stored reply will have the id `streamId`. */
  'bot:stream': (event: BotStreamDelta) => void;
  /** The streamed reply is complete: kept → its message follows (or came) with id `streamId`; else drop the preview. */
  'bot:stream-end': (event: BotStreamEnd) => void;
  /** The agent who owns the conversation is typing a reply (expires without a refresh). */
  'agent:typing': (event: AgentTyping) => void;
  /** The conversation's place in the queue changed (others were taken, left or joined; agents came or went). */
  'queue:position': (status: QueueStatus) => void;
}

export interface BotStreamDelta {
  conversationId: string;
  streamId: string;
  delta: string;
}

export interface BotStreamEnd {
  conversationId: string;
  streamId: string;
  kept: boolean;
}

export interface WidgetSocketData {
  visitorId: string;
  siteKey: string;
  /** The client's address (through the trusted proxies), read at the handshake for the per-address limits. */
  address: string;
}
