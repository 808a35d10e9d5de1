import type { Conversation, Correction, Message } from '@hitl/shared/models';

/** How services tell connected clients what happened. Implemented by the realtime transport. */
export interface Notifier {
  messageCreated(conversation: Conversation, message: Message): void;
  conversationChanged(conversation: Conversation, change: 'escalated' | 'updated'): void;
  correctionCreated(correction: Correction): void;
  botTyping(conversation: Conversation, typing: boolean): void;
  /** Agents currently connected (across every server node). */
  agentsOnline(): Promise<number>;
}
