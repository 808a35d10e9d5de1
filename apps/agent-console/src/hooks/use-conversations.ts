import type { ConversationCursor } from '@hitl/shared/agent-events';
import type { Conversation } from '@hitl/shared/models';
import { useCallback, useEffect, useState } from 'react';
import { type AgentSocket, request } from '../api/agent-socket';
import { errorMessage } from '../api/api-error';
import { isNewerOrSame } from '../lib/conversation-rules';

export type ConversationMap = ReadonlyMap<string, Conversation>;

const FLASH_MS = 6_000;
/** Conversations per request, and requests per load at most: 5,000 open conversations. */
const PAGE_SIZE = 200;
const MAX_PAGES = 25;

/** Every open conversation, kept live by the agent broadcasts; reloaded (in pages) on each (re)connect. */
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
      listOpenConversations(socket)
        .then((listed) => {
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

/** Every open conversation, page after page (most recently updated first). */
async function listOpenConversations(socket: AgentSocket): Promise<Conversation[]> {
  const all: Conversation[] = [];
  let before: ConversationCursor | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { conversations } = await request(socket, 'conversation:list', {
      states: ['bot', 'queued', 'agent'],
      limit: PAGE_SIZE,
      ...(before ? { before } : {}),
    });
    all.push(...conversations);
    const last = conversations.at(-1);
    if (conversations.length < PAGE_SIZE || last === undefined) break;
    before = { updatedAt: last.updatedAt, id: last.id };
  }
  return all;
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
