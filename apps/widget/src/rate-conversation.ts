import type { PublicConversation } from '@hitl/shared/widget-events';
import type { WidgetSocket } from './connection';
import { waitingStrings as t } from './strings-waiting';

const ACK_TIMEOUT_MS = 5000;

/**
 * Sends the customer's rating of a closed conversation; resolves with the updated conversation (rated), or
 * with what went wrong. A rating the server already has (another tab) counts as given.
 */
export async function requestRating(
  socket: WidgetSocket | null,
  conversationId: string | null,
  rating: number,
  comment: string,
): Promise<PublicConversation | 'already_rated' | string> {
  if (!socket?.connected || !conversationId) return t.ratingOffline;
  try {
    const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('conversation:rate', {
      conversationId,
      rating,
      ...(comment.trim() ? { comment } : {}),
    });
    if (ack.ok) return ack.data.conversation;
    return ack.error.code === 'already_rated' ? 'already_rated' : ack.error.message || t.ratingFailed;
  } catch {
    return t.ratingFailed;
  }
}
