import type { Message } from '@hitl/shared/models';
import type { VisitorIdentityInput } from '@hitl/shared/visitor-context';
import type { AccentColors } from './accent-colors';
import { applyTheme } from './apply-theme';
import { ChatClient } from './chat-client';
import type { ConnectionState } from './connection';
import { trapTab } from './focus-trap';
import type { HostEvents } from './host-events';
import { authorOf } from './message-list';
import { QueueStatusLine } from './queue-status';
import { setAttr, setText } from './render';
import type { WidgetStrings } from './strings/en';
import { fillSlots } from './strings/pick-strings';
import { styleShadowRoot } from './style-shadow-root';
import { UiStateStore } from './ui-state';
import { buildWidgetDom, MAX_LENGTH, renderHeader, type WidgetDom } from './widget-dom';

export interface WidgetConfig {
  siteKey: string;
  /** Origin of the support server. */
  baseUrl: string;
  position: 'right' | 'left';
  /** Colours derived from the page's accent (AA contrast); the built-in blue when null. */
  colors: AccentColors | null;
  mode: 'light' | 'dark';
  open: boolean;
  lang: string;
  strings: WidgetStrings;
  /** Replace the site key's name and greeting when given. */
  title: string | null;
  greeting: string | null;
  launcherText: string | null;
  events: HostEvents;
}

const COUNTER_FROM = MAX_LENGTH - 500;
const CONNECTION_TEXT: Record<ConnectionState, keyof WidgetStrings | null> = {
  connecting: 'connecting',
  online: null,
  reconnecting: 'reconnecting',
  offline: 'offline',
  unavailable: 'unavailable',
};

/** `<hitl-widget>`: launcher and chat panel in an open shadow root, drawn from the ChatClient's snapshot. */
export class HitlWidgetElement extends HTMLElement {
  private config: WidgetConfig | null = null;
  private client: ChatClient | null = null;
  private ui: WidgetDom | null = null;
  private uiState: UiStateStore | null = null;
  private unsubscribe: (() => void) | null = null;
  private isOpen = false;
  private renderQueued = false;
  private scrollOnRender = false;
  private identity: VisitorIdentityInput | null = null;
  private lastUnread = 0;
  private queueStatus: QueueStatusLine | null = null;

  configure(config: WidgetConfig): void {
    this.config = config;
    this.uiState = new UiStateStore(config.siteKey);
    // A reload keeps what the visitor had; the page's `open` option only decides a tab's first view.
    this.isOpen = this.uiState.restored ? this.uiState.get().open : config.open;
  }

  /** Who the host page says the visitor is; kept until the chat client exists. */
  identify(identity: VisitorIdentityInput): void {
    this.identity = identity;
    this.client?.presence.identify(identity);
  }

  connectedCallback(): void {
    const config = this.config;
    if (!config || this.client) return;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const client = new ChatClient(config.baseUrl, config.siteKey, {
      strings: config.strings,
      message: (message) => this.announce(message),
      ready: () => config.events.emit('ready', undefined),
    });
    const ui = buildWidgetDom(
      config,
      (clientId) => client.dismiss(clientId),
      (email) => client.leaveContact(email),
      (rating, comment) => client.rate(rating, comment),
    );
    root.replaceChildren(...styleShadowRoot(root), ui.root);
    this.queueStatus = new QueueStatusLine(config.strings);
    ui.connection.after(this.queueStatus.element);
    applyTheme(ui.root, config);
    ui.input.value = this.uiState?.get().draft ?? '';
    this.client = client;
    this.ui = ui;
    if (this.identity) client.presence.identify(this.identity);
    this.wire(ui, client, config);
    this.unsubscribe = client.subscribe(() => this.scheduleRender());
    this.updateComposer();
    client.start();
    if (this.isOpen) this.applyOpen(true, false);
    else this.render();
  }

  disconnectedCallback(): void {
    this.unsubscribe?.();
    this.client?.stop();
    this.client = null;
    this.ui = null;
  }

  open(): void {
    this.applyOpen(true, true);
  }

  close(): void {
    this.applyOpen(false, true);
  }

  toggle(): void {
    this.applyOpen(!this.isOpen, true);
  }

  private applyOpen(open: boolean, moveFocus: boolean): void {
    const { ui, client } = this;
    const changed = open !== this.isOpen;
    this.isOpen = open;
    this.uiState?.update({ open });
    if (!ui || !client) return;
    const hadFocus = this.shadowRoot?.activeElement != null;
    client.setPanelOpen(open);
    this.scrollOnRender = open;
    this.render();
    if (open && moveFocus) ui.input.focus({ preventScroll: true });
    if (!open && hadFocus) ui.launcher.focus({ preventScroll: true });
    if (changed) this.config?.events.emit(open ? 'open' : 'close', undefined);
  }

  private wire(ui: WidgetDom, client: ChatClient, config: WidgetConfig): void {
    ui.launcher.addEventListener('click', () => this.toggle());
    ui.closeButton.addEventListener('click', () => this.close());
    ui.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.close();
        return;
      }
      trapTab(event, ui.panel, this.shadowRoot?.activeElement ?? null);
    });
    const submit = () => {
      const text = ui.input.value;
      if (!text.trim() || text.length > MAX_LENGTH) return;
      client.send(text);
      client.presence.stopTyping();
      ui.input.value = '';
      this.uiState?.update({ draft: '' });
      this.updateComposer();
      this.scrollOnRender = true;
      ui.input.focus({ preventScroll: true });
    };
    ui.composer.addEventListener('submit', (event) => {
      event.preventDefault();
      submit();
    });
    ui.input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
      event.preventDefault();
      submit();
    });
    ui.input.addEventListener('input', () => {
      this.updateComposer();
      this.uiState?.update({ draft: ui.input.value });
      client.presence.typed(ui.input.value);
    });
    ui.input.addEventListener('blur', () => client.presence.stopTyping());
    ui.talkToPerson.addEventListener('click', () => {
      client.send(config.strings.talkToPersonMessage);
      this.scrollOnRender = true;
    });
  }

  /** A new message: said once by the live region (replies only) and told to the page. */
  private announce(message: Message): void {
    const config = this.config;
    if (!config) return;
    const author = authorOf(message, config.strings);
    config.events.emit('message', {
      id: message.id,
      conversationId: message.conversationId,
      role: message.role,
      text: message.text,
      author,
      createdAt: message.createdAt,
    });
    if (author && this.ui)
      setText(
        this.ui.announcer,
        fillSlots(config.strings.newMessageFrom, { name: author, text: message.text }),
      );
  }

  private updateComposer(): void {
    const ui = this.ui;
    if (!ui) return;
    const { input, send, counter } = ui;
    const length = input.value.length;
    send.disabled = !input.value.trim() || length > MAX_LENGTH;
    counter.hidden = length < COUNTER_FROM;
    setText(counter, `${length} / ${MAX_LENGTH}`);
    setAttr(counter, 'data-over', length > MAX_LENGTH ? '' : null);
    // Grow with the text up to the CSS max-height, then scroll inside (no measure while hidden).
    input.style.height = 'auto';
    input.style.height = input.scrollHeight ? `${input.scrollHeight + 2}px` : '';
  }

  private scheduleRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    queueMicrotask(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  private render(): void {
    const { ui, client, config } = this;
    if (!ui || !client || !config) return;
    const { strings } = config;
    const snapshot = client.snapshot();
    if (config.greeting !== null) snapshot.greeting = config.greeting;
    const open = this.isOpen;
    ui.root.classList.toggle('open', open);
    ui.panel.hidden = !open;
    setAttr(ui.launcher, 'aria-expanded', String(open));
    setAttr(ui.launcher, 'aria-label', open ? strings.closeChat : config.launcherText || strings.openChat);
    renderHeader(ui, snapshot, config);
    const unread = open ? 0 : snapshot.unread;
    ui.badge.hidden = unread === 0;
    setText(ui.badge, unread > 9 ? '9+' : String(unread));
    setText(
      ui.unreadText,
      unread === 0 ? '' : unread === 1 ? strings.unreadOne : fillSlots(strings.unreadMany, { count: unread }),
    );
    if (unread !== this.lastUnread) {
      this.lastUnread = unread;
      config.events.emit('unread', { count: unread });
    }
    ui.connection.hidden = snapshot.connection === 'online';
    setAttr(ui.connection, 'data-state', snapshot.connection);
    const connectionText = CONNECTION_TEXT[snapshot.connection];
    setText(ui.connection, connectionText ? strings[connectionText] : '');
    const state = snapshot.conversation?.state;
    ui.actions.hidden = state === 'queued' || state === 'agent';
    ui.agentTyping.hidden = !snapshot.agentTyping;
    setText(
      ui.agentTyping,
      snapshot.agentTyping ? fillSlots(strings.agentTyping, { name: snapshot.agentTyping }) : '',
    );
    this.queueStatus?.render(snapshot);
    ui.list.render(snapshot, this.scrollOnRender);
    this.scrollOnRender = false;
  }
}
