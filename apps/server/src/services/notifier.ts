import type { Conversation, Correction, Message } from '@hitl/shared/models';

/** How services tell connected clients what happened. Implemented by the realtime transport. */
export interface Notifier {
  messageCreated(conversation: Conversation, message: Message): void;
  conversationChanged(conversation: Conversation, change: 'escalated' | 'updated'): void;
  correctionCreated(correction: Correction): void;
  /** A held bot reply waits for review. */
  draftCreated(conversation: Conversation, draft: Message): void;
  /** A message changed after it was created (a reviewed draft, a corrected reply). */
  messageUpdated(conversation: Conversation, message: Message): void;
  /** This node's policy changed; other nodes must reload theirs. */
  policyChanged(): void;
  botTyping(conversation: Conversation, typing: boolean): void;
  /** Agents currently connected (across every server node). */
  agentsOnline(): Promise<number>;
}
