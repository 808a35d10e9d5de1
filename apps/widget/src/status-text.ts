import type { PublicConversation } from '@hitl/shared/widget-events';

/** The header's one-line answer to "who is on the other side right now?". */
export function statusText(conversation: PublicConversation | null): string {
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
