import type { Conversation } from '@hitl/shared/models';
import { useCallback, useEffect, useState } from 'react';
import { type AgentSocket, request } from '../api/agent-socket';
import { errorMessage } from '../api/api-error';
import { isNewerOrSame } from '../lib/conversation-rules';

export type ConversationMap = ReadonlyMap<string, Conversation>;

const FLASH_MS = 6_000;
const LIST_LIMIT = 200;

/** Every open conversation, kept live by the agent broadcasts; reloaded on each (re)connect. */
export function useConversations(socket: AgentSocket | null) {
  const [conversations, setConversations] = useState<ConversationMap>(() => new Map());
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [flashing, setFlashing] = useState<ReadonlySet<string>>(() => new Set());

  const upsert = useCallback((conversation: Conversation) => {
    setConversations((current) =>
      isNewerOrSame(conversation, current.get(conversation.id))
        ? new Map(current).set(conversation.id, conversation)
        : current,
    );
  }, []);

  useEffect(() => {
    if (!socket) return;
    const timers = new Set<ReturnType<typeof setTimeout>>();

    const load = () => {
      request(socket, 'conversation:list', { states: ['bot', 'queued', 'agent'], limit: LIST_LIMIT })
        .then(({ conversations: listed }) => {
          setConversations((current) => mergeSnapshot(current, listed));
          setLoaded(true);
          setError(null);
        })
        .catch((failure: unknown) => setError(errorMessage(failure)));
    };

    const flash = (id: string) => {
      setFlashing((current) => new Set(current).add(id));
      const timer = setTimeout(() => {
        timers.delete(timer);
        setFlashing((current) => {
          const next = new Set(current);
          next.delete(id);
          return next;
        });
      }, FLASH_MS);
      timers.add(timer);
    };

    const onEscalated = (conversation: Conversation) => {
      upsert(conversation);
      flash(conversation.id);
    };

    socket.on('connect', load);
    socket.on('conversation:escalated', onEscalated);
    socket.on('conversation:updated', upsert);
    if (socket.connected) load();

    return () => {
      socket.off('connect', load);
      socket.off('conversation:escalated', onEscalated);
      socket.off('conversation:updated', upsert);
      for (const timer of timers) clearTimeout(timer);
    };
  }, [socket, upsert]);

  return { conversations, upsert, loaded, error, flashing };
}

/** The snapshot is authoritative for open conversations; closed ones already known are kept for viewing. */
function mergeSnapshot(current: ConversationMap, listed: Conversation[]): ConversationMap {
  const next = new Map<string, Conversation>();
  for (const conversation of current.values()) {
    if (conversation.state === 'closed') next.set(conversation.id, conversation);
  }
  for (const conversation of listed) {
    const known = current.get(conversation.id);
    next.set(conversation.id, known && !isNewerOrSame(conversation, known) ? known : conversation);
  }
  return next;
}
