import { createTypingIndicator, createTypingSender, type TypingSender } from '@hitl/shared/typing';
import { useEffect, useMemo, useState } from 'react';
import type { AgentSocket } from '../api/agent-socket';

/** Whether the customer of this conversation is typing now (expires by itself without a refresh). */
export function useCustomerTyping(socket: AgentSocket, conversationId: string): boolean {
  const [typing, setTyping] = useState(false);
  useEffect(() => {
    const indicator = createTypingIndicator<true>((who) => setTyping(who !== null));
    const onTyping = (event: { conversationId: string; typing: boolean }) => {
      if (event.conversationId === conversationId) indicator.update(event.typing, true);
    };
    // The customer's message arrived: the indicator goes with it, not seconds later.
    const onMessage = (message: { conversationId: string; role: string }) => {
      if (message.conversationId === conversationId && message.role === 'customer') indicator.clear();
    };
    socket.on('customer:typing', onTyping);
    socket.on('message:created', onMessage);
    return () => {
      socket.off('customer:typing', onTyping);
      socket.off('message:created', onMessage);
      indicator.clear();
    };
  }, [socket, conversationId]);
  return typing;
}

/**
 * Tells the customer the agent is typing, throttled; only while `enabled` (the agent owns the conversation
 * and writes in the chat composer). Stops when disabled or when the conversation is left.
 */
export function useAgentTypingSender(socket: AgentSocket, conversationId: string, enabled: boolean) {
  const sender = useMemo<TypingSender>(
    () =>
      createTypingSender((typing) => {
        if (socket.connected) socket.emit('typing:update', { conversationId, typing }, () => undefined);
      }),
    [socket, conversationId],
  );
  useEffect(() => {
    if (!enabled) sender.stop();
    return () => sender.stop();
  }, [sender, enabled]);
  return useMemo(
    () => ({
      typed: (text: string) => {
        if (!enabled || !text.trim()) sender.stop();
        else sender.input();
      },
      stop: () => sender.stop(),
    }),
    [sender, enabled],
  );
}
