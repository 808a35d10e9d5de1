import {
  type ConversationSearchQuery,
  type ConversationSearchResponse,
  decodeSearchCursor,
  encodeSearchCursor,
} from '@hitl/shared/conversation-search';
import type { Agent } from '@hitl/shared/models';
import type { ConversationSearch } from '../store/store';
import { assertPermitted } from './auth/assert-permitted';
import type { ServiceContext } from './service-context';

/** One page of the inbox search: the filters and words as the store runs them, the cursor as one string. */
export async function searchConversations(
  ctx: ServiceContext,
  agent: Agent,
  query: ConversationSearchQuery,
): Promise<ConversationSearchResponse> {
  assertPermitted(agent, 'conversation.search');
  const before = query.cursor === undefined ? null : decodeSearchCursor(query.cursor);
  const search: ConversationSearch = {
    limit: query.limit,
    ...(query.q ? { text: query.q } : {}),
    ...(query.state ? { states: [query.state] } : {}),
    ...(query.reason ? { reason: query.reason } : {}),
    ...(query.topic ? { topic: query.topic } : {}),
    ...(query.agentId ? { agentId: query.agentId } : {}),
    ...(query.siteKey ? { siteKey: query.siteKey } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(before ? { before } : {}),
  };
  const page = await ctx.store.searchConversations(search);
  return { hits: page.hits, nextCursor: page.next ? encodeSearchCursor(page.next) : null };
}
