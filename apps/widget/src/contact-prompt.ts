import type { PublicConversation } from '@hitl/shared/widget-events';
import type { ChatSnapshot } from './chat-client';
import type { WidgetSocket } from './connection';
import type { WidgetStrings } from './strings/en';

/** Loose on purpose: the server has the final word; this only catches typing slips. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL_PATTERN.test(value);
}

/**
 * The notice under which the visitor is offered to leave an e-mail: the conversation's last
 * "no agent online" notice, while nobody has joined and no e-mail was left yet. Null: offer nothing.
 */
export function contactAnchor(snapshot: Pick<ChatSnapshot, 'conversation' | 'messages'>): string | null {
  const { conversation, messages } = snapshot;
  if (!conversation || conversation.contactLeft) return null;
  if (conversation.state === 'agent' || conversation.state === 'closed') return null;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.conversationId === conversation.id && message.notice === 'no_agent_online') return message.id;
  }
  return null;
}

const ACK_TIMEOUT_MS = 5000;

/** Asks the server to keep the e-mail; resolves with the updated conversation, or with what went wrong. */
export async function requestContact(
  socket: WidgetSocket | null,
  conversationId: string | null,
  email: string,
  strings: WidgetStrings,
): Promise<PublicConversation | string> {
  if (!socket?.connected || !conversationId) return strings.contactOffline;
  try {
    const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('contact:leave', { conversationId, email });
    if (ack.ok) return ack.data.conversation;
    return ack.error.code === 'invalid_payload' ? strings.contactInvalid : strings.contactNotSaved;
  } catch {
    return strings.noAnswer;
  }
}
