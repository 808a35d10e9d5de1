import type { Message } from '@hitl/shared/models';
import type { PublicConversation } from '@hitl/shared/widget-events';

/** The header's one-line answer to "who is on the other side right now?". */
export function statusText(conversation: PublicConversation | null, reviewing = false): string {
  if (reviewing && conversation && conversation.state !== 'closed')
    return 'A person is reviewing the answer…';
  switch (conversation?.state) {
    case 'queued':
      return 'Waiting for a person…';
    case 'agent':
      return `Chatting with ${conversation.agent?.name ?? 'a person'}`;
    case 'closed':
      return 'Conversation closed — write to start a new one';
    default:
      return 'Assistant · usually replies instantly';
  }
}

/** A held reply is being reviewed: the conversation's last notice says so and no answer has come since. */
export function awaitingReview(messages: readonly Message[], conversationId: string | null): boolean {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.conversationId !== conversationId) continue;
    if (message.role === 'bot' || message.role === 'agent') return false;
    if (message.role === 'system') return message.notice === 'reviewing';
  }
  return false;
}
