import type { ConversationCursor } from '@hitl/shared/agent-events';
import type { Conversation } from '@hitl/shared/models';
import { useCallback, useEffect, useState } from 'react';
import { type AgentSocket, request } from '../api/agent-socket';
import { errorMessage } from '../api/api-error';

const PAGE_SIZE = 5;

type State = {
  conversationId: string;
  conversations: Conversation[];
  next: ConversationCursor | null;
  loading: boolean;
  error: string | null;
};

/** The same visitor's other conversations, a page at a time (most recently updated first). */
export function useVisitorConversations(socket: AgentSocket, conversationId: string) {
  const [state, setState] = useState<State>({
    conversationId,
    conversations: [],
    next: null,
    loading: true,
    error: null,
  });

  const load = useCallback(
    (before: ConversationCursor | null) => {
      setState((current) => ({ ...current, loading: true, error: null }));
      request(socket, 'visitor:conversations', {
        conversationId,
        limit: PAGE_SIZE,
        ...(before ? { before } : {}),
      })
        .then(({ conversations, next }) =>
          setState((current) =>
            current.conversationId === conversationId
              ? {
                  conversationId,
                  conversations: before ? [...current.conversations, ...conversations] : conversations,
                  next,
                  loading: false,
                  error: null,
                }
              : current,
          ),
        )
        .catch((error: unknown) =>
          setState((current) => ({ ...current, loading: false, error: errorMessage(error) })),
        );
    },
    [socket, conversationId],
  );

  useEffect(() => {
    setState({ conversationId, conversations: [], next: null, loading: true, error: null });
    load(null);
  }, [conversationId, load]);

  const loadMore = useCallback(() => {
    if (state.next) load(state.next);
  }, [load, state.next]);

  return { ...state, loadMore };
}
