import type { MAX_MESSAGE_LENGTH } from '@hitl/shared/models';
import type { ChatSnapshot } from './chat-client';
import type { LeaveContact } from './contact-form';
import { MessageList } from './message-list';
import type { RateConversation } from './rating-form';
import { h, icon, setAttr, setText } from './render';
import { awaitingReview, statusText } from './status-text';
import type { WidgetStrings } from './strings/en';
import { fillSlots } from './strings/pick-strings';

/** Mirrors the server's limit; the type ties it to the shared constant without bundling the schemas. */
export const MAX_LENGTH: typeof MAX_MESSAGE_LENGTH = 4000;

export type WidgetDom = ReturnType<typeof buildWidgetDom>;

/** What the embedding page chose to show instead of the site key's own texts. */
export interface DomOptions {
  strings: WidgetStrings;
  /** The language `strings` are in (notices are translated from the server's English). */
  lang: string;
  /** The header's title; the site key's name when null. */
  title: string | null;
  /** A text beside the launcher's icon; an icon-only round button when null. */
  launcherText: string | null;
}

/**
 * Header: site name, who is answering (or that the link is down), and the agent's initial once a
 * person has joined.
 */
export function renderHeader(ui: WidgetDom, snapshot: ChatSnapshot, options: DomOptions): void {
  const { strings } = options;
  const name = options.title || snapshot.siteName;
  setText(ui.title, name || strings.chat);
  setAttr(ui.panel, 'aria-label', name ? fillSlots(strings.chatWith, { name }) : strings.chat);
  const reviewing = awaitingReview(snapshot.messages, snapshot.conversation?.id ?? null);
  setText(ui.status, statusText(strings, snapshot.conversation, reviewing, snapshot.connection));
  setAttr(ui.status, 'data-state', snapshot.conversation?.state ?? 'bot');
  setAttr(ui.status, 'data-reviewing', reviewing ? '' : null);
  setAttr(ui.status, 'data-connection', snapshot.connection);
  const agent = snapshot.conversation?.state === 'agent' ? snapshot.conversation.agent : null;
  const initial = agent?.name.trim().charAt(0).toUpperCase() ?? '';
  if (ui.avatar.dataset.initial !== initial) {
    ui.avatar.dataset.initial = initial;
    ui.avatar.replaceChildren(initial || icon('chat'));
  }
}

/** Builds the launcher and panel once; later renders only update attributes and text. */
export function buildWidgetDom(
  options: DomOptions,
  onDismiss: (clientId: string) => void,
  leaveContact: LeaveContact,
  rate: RateConversation,
) {
  const { strings, launcherText } = options;
  const list = new MessageList(onDismiss, leaveContact, rate, strings, options.lang);
  const badge = h('span', { class: 'badge', 'aria-hidden': 'true', hidden: true });
  const unreadText = h('span', { id: 'hitl-unread', hidden: true });
  const launcher = h(
    'button',
    {
      class: launcherText ? 'launcher with-text' : 'launcher',
      type: 'button',
      'data-testid': 'launcher',
      'aria-label': launcherText || strings.openChat,
      'aria-expanded': 'false',
      'aria-controls': 'hitl-panel',
      'aria-describedby': 'hitl-unread',
    },
    icon('chat', 'when-closed'),
    icon('minimize', 'when-open'),
    launcherText && h('span', { class: 'launcher-text when-closed' }, launcherText),
    badge,
  );
  const title = h('h2', { class: 'title' });
  const status = h('p', { class: 'status', 'data-testid': 'status' });
  const avatar = h('div', { class: 'avatar', 'aria-hidden': 'true' });
  const closeButton = h(
    'button',
    { class: 'close', type: 'button', 'data-testid': 'close', 'aria-label': strings.closeChat },
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
    strings.talkToPerson,
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
    placeholder: strings.messagePlaceholder,
    'aria-label': strings.messageLabel,
    enterkeyhint: 'send',
  });
  const send = h(
    'button',
    {
      class: 'send',
      type: 'submit',
      'data-testid': 'send',
      'aria-label': strings.sendMessage,
      disabled: true,
    },
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
      'aria-label': strings.chat,
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
  // Says each new message once (polite): the log itself is quiet, see MessageList.
  const announcer = h('div', { class: 'visually-hidden', 'aria-live': 'polite', 'data-testid': 'announcer' });
  const root = h('div', { class: 'root' }, panel, launcher, unreadText, announcer);
  return {
    root,
    announcer,
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
