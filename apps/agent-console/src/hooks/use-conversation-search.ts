import type { ConversationHit } from '@hitl/shared/conversation-search';
import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../api/api-error';
import { searchConversations } from '../api/conversation-search';
import { type SearchForm, toSearchParams } from '../lib/search-filters';

const PAGE_SIZE = 25;

type SearchState = {
  hits: ConversationHit[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  /** False until the first search has answered. */
  searched: boolean;
};

const initial: SearchState = { hits: [], nextCursor: null, loading: false, error: null, searched: false };

/** Runs the inbox search; a newer search makes the answer of an older one be ignored. */
export function useConversationSearch() {
  const [state, setState] = useState<SearchState>(initial);
  const latest = useRef(0);
  const form = useRef<SearchForm | null>(null);

  const run = useCallback(async (next: SearchForm, cursor: string | null) => {
    const ticket = ++latest.current;
    form.current = next;
    setState((current) => ({ ...current, loading: true, error: null }));
    try {
      const page = await searchConversations({
        ...toSearchParams(next, PAGE_SIZE),
        ...(cursor ? { cursor } : {}),
      });
      if (ticket !== latest.current) return;
      setState((current) => ({
        hits: cursor ? [...current.hits, ...page.hits] : page.hits,
        nextCursor: page.nextCursor,
        loading: false,
        error: null,
        searched: true,
      }));
    } catch (failure) {
      if (ticket !== latest.current) return;
      setState((current) => ({ ...current, loading: false, error: errorMessage(failure) }));
    }
  }, []);

  const search = useCallback((next: SearchForm) => run(next, null), [run]);
  const loadMore = useCallback(() => {
    if (form.current && state.nextCursor) void run(form.current, state.nextCursor);
  }, [run, state.nextCursor]);

  return { ...state, search, loadMore };
}
