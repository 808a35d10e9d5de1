import type { MAX_MESSAGE_LENGTH } from '@hitl/shared/models';
import type { ChatSnapshot } from './chat-client';
import type { LeaveContact } from './contact-form';
import { MessageList } from './message-list';
import type { RateConversation } from './rating-form';
import { h, icon, setAttr, setText } from './render';
import { awaitingReview, statusText } from './status-text';

/** Mirrors the server's limit; the type ties it to the shared constant without bundling the schemas. */
export const MAX_LENGTH: typeof MAX_MESSAGE_LENGTH = 4000;

export type WidgetDom = ReturnType<typeof buildWidgetDom>;

/** Header: site name, who is answering, and the agent's initial once a person has joined. */
export function renderHeader(ui: WidgetDom, snapshot: ChatSnapshot): void {
  const name = snapshot.siteName || 'Chat';
  setText(ui.title, name);
  setAttr(ui.panel, 'aria-label', snapshot.siteName ? `Chat with ${snapshot.siteName}` : 'Chat');
  const reviewing = awaitingReview(snapshot.messages, snapshot.conversation?.id ?? null);
  setText(ui.status, statusText(snapshot.conversation, reviewing));
  setAttr(ui.status, 'data-state', snapshot.conversation?.state ?? 'bot');
  setAttr(ui.status, 'data-reviewing', reviewing ? '' : null);
  const agent = snapshot.conversation?.state === 'agent' ? snapshot.conversation.agent : null;
  const initial = agent?.name.trim().charAt(0).toUpperCase() ?? '';
  if (ui.avatar.dataset.initial !== initial) {
    ui.avatar.dataset.initial = initial;
    ui.avatar.replaceChildren(initial || icon('chat'));
  }
}

/** Builds the launcher and panel once; later renders only update attributes and text. */
export function buildWidgetDom(
  onDismiss: (clientId: string) => void,
  leaveContact: LeaveContact,
  rate: RateConversation,
) {
  const list = new MessageList(onDismiss, leaveContact, rate);
  const badge = h('span', { class: 'badge', 'aria-hidden': 'true', hidden: true });
  const unreadText = h('span', { id: 'hitl-unread', hidden: true });
  const launcher = h(
    'button',
    {
      class: 'launcher',
      type: 'button',
      'data-testid': 'launcher',
      'aria-label': 'Open chat',
      'aria-expanded': 'false',
      'aria-controls': 'hitl-panel',
      'aria-describedby': 'hitl-unread',
    },
    icon('chat', 'when-closed'),
    icon('minimize', 'when-open'),
    badge,
  );
  const title = h('h2', { class: 'title' });
  const status = h('p', { class: 'status', 'data-testid': 'status' });
  const avatar = h('div', { class: 'avatar', 'aria-hidden': 'true' });
  const closeButton = h(
    'button',
    { class: 'close', type: 'button', 'aria-label': 'Close chat' },
    icon('minimize'),
  );
  const connection = h('div', {
    class: 'connection',
    'data-testid': 'connection',
    role: 'status',
    hidden: true,
  });
  const talkToPerson = h(
    'button',
    { class: 'chip', type: 'button', 'data-testid': 'talk-to-person' },
    icon('person'),
    'Talk to a person',
  );
  const actions = h('div', { class: 'actions' }, talkToPerson);
  const agentTyping = h('p', {
    class: 'agent-typing',
    'data-testid': 'agent-typing',
    'aria-live': 'polite',
    hidden: true,
  });
  const input = h('textarea', {
    'data-testid': 'input',
    rows: 1,
    maxlength: MAX_LENGTH,
    placeholder: 'Write a message…',
    'aria-label': 'Message',
    enterkeyhint: 'send',
  });
  const send = h(
    'button',
    { class: 'send', type: 'submit', 'data-testid': 'send', 'aria-label': 'Send message', disabled: true },
    icon('send'),
  );
  const composer = h('form', { class: 'composer' }, input, send);
  const counter = h('div', { class: 'counter', 'aria-live': 'polite', hidden: true });
  const header = h(
    'div',
    { class: 'header' },
    avatar,
    h('div', { class: 'titles' }, title, status),
    closeButton,
  );
  const panel = h(
    'div',
    {
      class: 'panel',
      id: 'hitl-panel',
      'data-testid': 'panel',
      role: 'dialog',
      'aria-label': 'Chat',
      hidden: true,
    },
    header,
    connection,
    list.element,
    agentTyping,
    actions,
    composer,
    counter,
  );
  const root = h('div', { class: 'root' }, panel, launcher, unreadText);
  return {
    root,
    launcher,
    badge,
    unreadText,
    panel,
    title,
    status,
    avatar,
    closeButton,
    connection,
    list,
    agentTyping,
    actions,
    talkToPerson,
    composer,
    input,
    send,
    counter,
  };
}
