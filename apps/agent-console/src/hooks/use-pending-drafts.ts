import type { Conversation, Message } from '@hitl/shared/models';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgentSocket } from '../api/agent-socket';
import { errorMessage } from '../api/api-error';
import { listPendingDrafts } from '../api/drafts';
import { applyDraft, type DraftMap, draftMapOf } from '../lib/pending-drafts';

/** A reviewed draft changes its conversation; this long after such a change the list is fetched again. */
const RECHECK_DELAY_MS = 400;

/**
 * Drafts waiting for review, across all conversations: loaded on every (re)connect, then kept live by
 * draft:created and message:updated. message:updated only reaches agents watching the conversation, so a
 * change to a conversation that holds pending drafts triggers a fresh load (another agent may have
 * reviewed them).
 */
export function usePendingDrafts(socket: AgentSocket | null) {
  const [drafts, setDrafts] = useState<DraftMap>(() => new Map());
  const [error, setError] = useState<string | null>(null);
  const holding = useRef<ReadonlySet<string>>(new Set());

  useEffect(() => {
    holding.current = new Set([...drafts.values()].map((draft) => draft.conversationId));
  }, [drafts]);

  const apply = useCallback((message: Message) => {
    setDrafts((current) => applyDraft(current, message));
  }, []);

  useEffect(() => {
    if (!socket) return;
    let active = true;
    let recheck: ReturnType<typeof setTimeout> | undefined;
    /** Live changes seen while a load is in flight, replayed on top of its (possibly older) answer. */
    let buffered: Message[] | null = null;

    const load = () => {
      clearTimeout(recheck);
      const seen: Message[] = [];
      buffered = seen;
      listPendingDrafts()
        .then((list) => {
          if (!active) return;
          setDrafts(seen.reduce(applyDraft, draftMapOf(list)));
          setError(null);
        })
        .catch((failure: unknown) => {
          if (active) setError(errorMessage(failure));
        })
        .finally(() => {
          if (buffered === seen) buffered = null;
        });
    };

    const onMessage = (message: Message) => {
      if (!message.draft) return;
      buffered?.push(message);
      setDrafts((current) => applyDraft(current, message));
    };

    const onConversation = (conversation: Conversation) => {
      if (!holding.current.has(conversation.id)) return;
      clearTimeout(recheck);
      recheck = setTimeout(load, RECHECK_DELAY_MS);
    };

    socket.on('connect', load);
    socket.on('draft:created', onMessage);
    socket.on('message:updated', onMessage);
    socket.on('conversation:updated', onConversation);
    if (socket.connected) load();

    return () => {
      active = false;
      clearTimeout(recheck);
      socket.off('connect', load);
      socket.off('draft:created', onMessage);
      socket.off('message:updated', onMessage);
      socket.off('conversation:updated', onConversation);
    };
  }, [socket]);

  return { drafts, error, apply };
}
