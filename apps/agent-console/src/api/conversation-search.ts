import {
  type ConversationSearchParams,
  type ConversationSearchResponse,
  conversationSearchResponseSchema,
} from '@hitl/shared/conversation-search';
import { ApiRequestError } from './api-error';
import { fetchJson } from './http';

/** One page of the inbox search; the answer is checked against the shared schema. */
export async function searchConversations(
  params: ConversationSearchParams,
): Promise<ConversationSearchResponse> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const body = await fetchJson<unknown>(`/api/conversations/search?${query}`);
  const parsed = conversationSearchResponseSchema.safeParse(body);
  if (!parsed.success) throw new ApiRequestError('internal', 'Unexpected answer from the server.');
  return parsed.data;
}
