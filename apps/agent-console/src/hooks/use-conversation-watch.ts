import type { Conversation, Correction, Message } from '@hitl/shared/models';
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { type AgentSocket, request } from '../api/agent-socket';
import { errorMessage } from '../api/api-error';
import { lastSeqOf, mergeMessages } from '../lib/merge-messages';

type WatchState = {
  conversationId: string | null;
  messages: Message[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
};

const idle: WatchState = { conversationId: null, messages: [], status: 'idle', error: null };

/**
 * Watches one conversation: loads its transcript, follows message:created and message:updated (a newer
 * copy replaces the message by id), and after a reconnect re-watches from the last seq seen so nothing in
 * between is missed.
 */
export function useConversationWatch(
  socket: AgentSocket | null,
  conversationId: string | null,
  onConversation: (conversation: Conversation) => void,
) {
  const [state, setState] = useState<WatchState>(idle);
  const reportConversation = useEffectEvent(onConversation);

  useEffect(() => {
    if (!socket || !conversationId) return;
    let active = true;
    let lastSeq = 0;
    /** Seq of each draft still pending: a review missed while offline must be fetched again. */
    const pending = new Map<string, number>();
    setState({ conversationId, messages: [], status: 'loading', error: null });

    const add = (incoming: Message[]) => {
      lastSeq = Math.max(lastSeq, lastSeqOf(incoming));
      for (const message of incoming) {
        if (message.draft?.status === 'pending') pending.set(message.id, message.seq);
        else pending.delete(message.id);
      }
      setState((current) =>
        current.conversationId === conversationId
          ? { ...current, messages: mergeMessages(current.messages, incoming) }
          : current,
      );
    };

    const watch = () => {
      const afterSeq = Math.max(0, Math.min(lastSeq, ...[...pending.values()].map((seq) => seq - 1)));
      request(socket, 'conversation:watch', { conversationId, afterSeq })
        .then(({ conversation, messages }) => {
          if (!active) return;
          reportConversation(conversation);
          add(messages);
          setState((current) => ({ ...current, status: 'ready', error: null }));
        })
        .catch((error: unknown) => {
          if (active) setState((current) => ({ ...current, status: 'error', error: errorMessage(error) }));
        });
    };

    const onMessage = (message: Message) => {
      if (message.conversationId === conversationId) add([message]);
    };
    const onCorrection = (correction: Correction) => {
      if (correction.conversationId === conversationId) markCorrected(setState, correction);
    };

    socket.on('connect', watch);
    socket.on('message:created', onMessage);
    socket.on('message:updated', onMessage);
    socket.on('correction:created', onCorrection);
    if (socket.connected) watch();

    return () => {
      active = false;
      socket.off('connect', watch);
      socket.off('message:created', onMessage);
      socket.off('message:updated', onMessage);
      socket.off('correction:created', onCorrection);
      if (socket.connected) socket.emit('conversation:unwatch', { conversationId }, () => undefined);
    };
  }, [socket, conversationId]);

  const addMessage = useCallback((message: Message) => {
    setState((current) =>
      current.conversationId === message.conversationId
        ? { ...current, messages: mergeMessages(current.messages, [message]) }
        : current,
    );
  }, []);

  const addCorrection = useCallback((correction: Correction) => markCorrected(setState, correction), []);

  const current = state.conversationId === conversationId ? state : { ...idle, status: 'loading' as const };
  return { ...current, addMessage, addCorrection };
}

function markCorrected(
  setState: (update: (current: WatchState) => WatchState) => void,
  correction: Correction,
) {
  setState((current) => ({
    ...current,
    messages: current.messages.map((message) =>
      message.id === correction.messageId ? { ...message, correctionId: correction.id } : message,
    ),
  }));
}
