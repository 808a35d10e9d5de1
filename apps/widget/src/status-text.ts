import type { Message } from '@hitl/shared/models';
import type { PublicConversation } from '@hitl/shared/widget-events';
import type { ConnectionState } from './connection';
import type { WidgetStrings } from './strings/en';
import { fillSlots } from './strings/pick-strings';

/**
 * The header's one-line answer to "who is on the other side right now?". A link that is not up comes
 * first: a green "usually replies instantly" while nothing can reach the server would be a lie.
 */
export function statusText(
  strings: WidgetStrings,
  conversation: PublicConversation | null,
  reviewing = false,
  connection: ConnectionState = 'online',
): string {
  if (connection !== 'online') return connectionStatus(strings, connection);
  if (reviewing && conversation && conversation.state !== 'closed') return strings.statusReviewing;
  switch (conversation?.state) {
    case 'queued':
      return strings.statusQueued;
    case 'agent':
      return fillSlots(strings.statusAgent, { name: conversation.agent?.name ?? strings.aPerson });
    case 'closed':
      return strings.statusClosed;
    default:
      return strings.statusBot;
  }
}

function connectionStatus(strings: WidgetStrings, connection: Exclude<ConnectionState, 'online'>): string {
  switch (connection) {
    case 'connecting':
      return strings.connecting;
    case 'reconnecting':
      return strings.reconnecting;
    case 'offline':
      return strings.statusOffline;
    default:
      return strings.statusUnavailable;
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
