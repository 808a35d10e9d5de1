import type { VisitorIdentityInput } from '@hitl/shared/visitor-context';
import { ChatClient } from './chat-client';
import type { ConnectionState } from './connection';
import { QueueStatusLine } from './queue-status';
import { h, setAttr, setText } from './render';
import { styles } from './styles';
import { waitingStyles } from './styles-waiting';
import { buildWidgetDom, MAX_LENGTH, renderHeader, type WidgetDom } from './widget-dom';

export interface WidgetConfig {
  siteKey: string;
  /** Origin of the support server. */
  baseUrl: string;
  position: 'right' | 'left';
  accent: string | null;
  open: boolean;
}

const COUNTER_FROM = MAX_LENGTH - 500;
const TALK_TO_PERSON = 'I want to talk to a person';
const CONNECTION_TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  online: '',
  reconnecting: 'Reconnecting…',
  unavailable: 'Chat is unavailable right now. We will keep trying.',
};

/** `<hitl-widget>`: launcher and chat panel in an open shadow root, drawn from the ChatClient's snapshot. */
export class HitlWidgetElement extends HTMLElement {
  private config: WidgetConfig | null = null;
  private client: ChatClient | null = null;
  private ui: WidgetDom | null = null;
  private unsubscribe: (() => void) | null = null;
  private isOpen = false;
  private renderQueued = false;
  private scrollOnRender = false;
  private identity: VisitorIdentityInput | null = null;
  private readonly queueStatus = new QueueStatusLine();

  configure(config: WidgetConfig): void {
    this.config = config;
    this.isOpen = config.open;
  }

  /** Who the host page says the visitor is; kept until the chat client exists. */
  identify(identity: VisitorIdentityInput): void {
    this.identity = identity;
    this.client?.presence.identify(identity);
  }

  connectedCallback(): void {
    if (!this.config || this.client) return;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const client = new ChatClient(this.config.baseUrl, this.config.siteKey);
    const ui = buildWidgetDom(
      (clientId) => client.dismiss(clientId),
      (email) => client.leaveContact(email),
      (rating, comment) => client.rate(rating, comment),
    );
    root.replaceChildren(...styleShadowRoot(root), ui.root);
    ui.connection.after(this.queueStatus.element);
    setAttr(ui.root, 'data-position', this.config.position);
    if (this.config.accent) ui.root.style.setProperty('--accent', this.config.accent);
    this.client = client;
    this.ui = ui;
    if (this.identity) client.presence.identify(this.identity);
    this.wire(ui, client);
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
    this.isOpen = open;
    if (!ui || !client) return;
    const hadFocus = this.shadowRoot?.activeElement != null;
    client.setPanelOpen(open);
    this.scrollOnRender = open;
    this.render();
    if (open && moveFocus) ui.input.focus({ preventScroll: true });
    if (!open && hadFocus) ui.launcher.focus({ preventScroll: true });
  }

  private wire(ui: WidgetDom, client: ChatClient): void {
    ui.launcher.addEventListener('click', () => this.toggle());
    ui.closeButton.addEventListener('click', () => this.close());
    ui.panel.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      this.close();
    });
    const submit = () => {
      const text = ui.input.value;
      if (!text.trim() || text.length > MAX_LENGTH) return;
      client.send(text);
      client.presence.stopTyping();
      ui.input.value = '';
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
      client.presence.typed(ui.input.value);
    });
    ui.input.addEventListener('blur', () => client.presence.stopTyping());
    ui.talkToPerson.addEventListener('click', () => {
      client.send(TALK_TO_PERSON);
      this.scrollOnRender = true;
    });
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
    const { ui, client } = this;
    if (!ui || !client) return;
    const snapshot = client.snapshot();
    const open = this.isOpen;
    ui.root.classList.toggle('open', open);
    ui.panel.hidden = !open;
    setAttr(ui.launcher, 'aria-expanded', String(open));
    renderHeader(ui, snapshot);
    const unread = open ? 0 : snapshot.unread;
    ui.badge.hidden = unread === 0;
    setText(ui.badge, unread > 9 ? '9+' : String(unread));
    setText(ui.unreadText, unread ? `${unread} unread ${unread === 1 ? 'message' : 'messages'}` : '');
    ui.connection.hidden = snapshot.connection === 'online';
    setAttr(ui.connection, 'data-state', snapshot.connection);
    setText(ui.connection, CONNECTION_TEXT[snapshot.connection]);
    const state = snapshot.conversation?.state;
    ui.actions.hidden = state === 'queued' || state === 'agent';
    ui.agentTyping.hidden = !snapshot.agentTyping;
    setText(ui.agentTyping, snapshot.agentTyping ? `${snapshot.agentTyping} is typing…` : '');
    this.queueStatus.render(snapshot);
    ui.list.render(snapshot, this.scrollOnRender);
    this.scrollOnRender = false;
  }
}

/**
 * A constructed stylesheet where the browser has them: a host page's Content-Security-Policy
 * (`style-src 'self'`) blocks a <style> element, even in a shadow root, but not a stylesheet built from
 * script. Older browsers get the <style> element.
 */
function styleShadowRoot(root: ShadowRoot): HTMLElement[] {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(styles + waitingStyles);
    root.adoptedStyleSheets = [sheet];
    return [];
  }
  return [h('style', {}, styles + waitingStyles)];
}
