import {
  type ConversationSearchParams,
  type ConversationSearchResponse,
  conversationSearchResponseSchema,
} from '@hitl/shared/conversation-search';
import { fetchParsed } from './http';

/** One page of the inbox search; the answer is checked against the shared schema. */
export async function searchConversations(
  params: ConversationSearchParams,
): Promise<ConversationSearchResponse> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  return fetchParsed(conversationSearchResponseSchema, `/api/conversations/search?${query}`);
}
