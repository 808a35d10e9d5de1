import type { Conversation } from '@hitl/shared/models';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { AgentSocket } from '../api/agent-socket';
import {
  type AttentionItem,
  addUnseen,
  attentionFor,
  dropSeen,
  notificationText,
  type ViewState,
} from '../lib/attention';
import { playTone } from '../lib/play-tone';
import type { ConversationMap } from './use-conversations';
import { conversationHref } from './use-hash-route';
import { useNotificationSettings } from './use-notification-settings';

type Options = {
  socket: AgentSocket | null;
  agentId: string;
  conversations: ConversationMap;
  page: string;
  conversationId: string | null;
};

/**
 * New escalations and new customer messages in the agent's own conversations: a tone, a desktop
 * notification while the tab is hidden (when allowed), and the count of what the agent has not seen yet,
 * which drops as they look (see `lib/attention.ts` for what counts and what is seen).
 */
export function useAttention({ socket, agentId, conversations, page, conversationId }: Options): number {
  const { settings } = useNotificationSettings();
  const visible = useSyncExternalStore(subscribeVisibility, isVisible, () => true);
  const view: ViewState = { visible, page, conversationId };
  const [unseen, setUnseen] = useState<AttentionItem[]>([]);
  // Event handlers read the latest render's values without re-subscribing on every change.
  const latest = useRef({ view, settings, conversations, unseen });
  latest.current = { view, settings, conversations, unseen };

  useEffect(() => {
    setUnseen((current) => dropSeen(current, { visible, page, conversationId }));
  }, [visible, page, conversationId]);

  useEffect(() => {
    if (!socket) return;
    const handle = (change: 'escalated' | 'updated') => (conversation: Conversation) => {
      const now = latest.current;
      const previous = now.conversations.get(conversation.id) ?? null;
      const item = attentionFor(change, conversation, previous, agentId);
      if (!item) return;
      const next = addUnseen(now.unseen, item, now.view);
      const fresh = next !== now.unseen;
      if (fresh) {
        latest.current.unseen = next;
        setUnseen(next);
      }
      // A message the agent is reading as it arrives needs no chime; a repeated broadcast none either.
      if (!fresh) return;
      if (now.settings.sound) playTone();
      if (now.settings.desktop && !now.view.visible) showDesktopNotification(item);
    };
    const onEscalated = handle('escalated');
    const onUpdated = handle('updated');
    socket.on('conversation:escalated', onEscalated);
    socket.on('conversation:updated', onUpdated);
    return () => {
      socket.off('conversation:escalated', onEscalated);
      socket.off('conversation:updated', onUpdated);
    };
  }, [socket, agentId]);

  return unseen.length;
}

function showDesktopNotification(item: AttentionItem): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const { title, body } = notificationText(item);
  const notification = new Notification(title, { body, tag: item.key });
  notification.onclick = () => {
    window.focus();
    window.location.hash = conversationHref(item.conversationId);
    notification.close();
  };
}

function isVisible(): boolean {
  return document.visibilityState === 'visible';
}

function subscribeVisibility(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}
