import type { Message, MessageRole } from '@hitl/shared/models';
import type { ChatSnapshot } from './chat-client';
import { ContactForm, type LeaveContact } from './contact-form';
import { contactAnchor } from './contact-prompt';
import { noticeText } from './notice-text';
import { QueueAcknowledgement } from './queue-acknowledgement';
import { type RateConversation, RatingForm } from './rating-form';
import { h, richText, setAttr, setText } from './render';
import type { WidgetStrings } from './strings/en';

/** One bubble as drawn: a stored message, or a customer message still in this tab's outbox. */
interface Entry {
  key: string;
  role: MessageRole;
  text: string;
  author: string | null;
  messageId: string | null;
  clientId: string | null;
  status: 'pending' | 'sent' | 'failed' | null;
  error: string | null;
  notice: string | null;
  createdAt: string;
  /** A bot reply still being written (its text grows; its stored message takes over the row). */
  streaming?: boolean;
}

/** Within this distance of the end the list follows new messages; further up the visitor is reading. */
const STICKY_PX = 80;

/**
 * The scrolling transcript: greeting, bubbles keyed by message (a customer bubble keeps its node from
 * pending to stored, keyed by clientId), the e-mail form under a "no agent online" notice, typing dots.
 * Only changed rows touch the DOM.
 */
export class MessageList {
  readonly element: HTMLDivElement;
  private readonly greeting: HTMLDivElement;
  private readonly greetingText: HTMLDivElement;
  private readonly typing: HTMLDivElement;
  private readonly rows = new Map<string, HTMLElement>();
  private readonly contact: ContactForm;
  private readonly acknowledgement: QueueAcknowledgement;
  private readonly rating: RatingForm;

  constructor(
    onDismiss: (clientId: string) => void,
    leaveContact: LeaveContact,
    rate: RateConversation,
    private readonly strings: WidgetStrings,
    private readonly lang: string,
  ) {
    this.contact = new ContactForm(leaveContact, strings);
    this.rating = new RatingForm(rate, strings);
    this.acknowledgement = new QueueAcknowledgement(strings);
    this.greetingText = h('div', { class: 'bubble' });
    this.greeting = h(
      'div',
      { class: 'row bot', 'data-testid': 'greeting', 'data-role': 'bot', hidden: true },
      h('div', { class: 'author' }, strings.assistant),
      this.greetingText,
    );
    this.typing = h(
      'div',
      { class: 'row bot typing', 'data-testid': 'typing', hidden: true },
      h(
        'div',
        { class: 'bubble dots', role: 'img', 'aria-label': strings.assistantTyping },
        h('i'),
        h('i'),
        h('i'),
      ),
    );
    this.element = h(
      'div',
      // New messages are announced once, by the widget's live region; the log itself stays quiet so a
      // screen reader does not read a restored history or every piece of a streamed reply.
      { class: 'list', role: 'log', 'aria-live': 'off', 'aria-label': strings.chat, tabindex: 0 },
      this.greeting,
      this.typing,
    );
    this.element.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLElement>('[data-dismiss]');
      if (button?.dataset.dismiss) onDismiss(button.dataset.dismiss);
    });
  }

  render(snapshot: ChatSnapshot, forceScroll: boolean): void {
    const strings = this.strings;
    const list = this.element;
    const atEnd = list.scrollHeight - list.scrollTop - list.clientHeight < STICKY_PX;

    setText(this.greetingText, snapshot.greeting);
    this.greeting.hidden = !snapshot.greeting;
    this.typing.hidden = !snapshot.typing;

    const contactAt = contactAnchor(snapshot);
    if (!contactAt) this.contact.element.remove();
    const acknowledgedAt = this.acknowledgement.render(snapshot);
    const ratingAt = this.rating.render(snapshot);
    const entries = toEntries(snapshot, strings, this.lang);
    const keys = new Set(entries.map((entry) => entry.key));
    for (const [key, row] of this.rows) {
      if (keys.has(key)) continue;
      row.remove();
      this.rows.delete(key);
    }
    let anchor: ChildNode | null = this.greeting.nextSibling;
    for (const entry of entries) {
      let row = this.rows.get(entry.key);
      if (!row) {
        row = createRow(entry);
        this.rows.set(entry.key, row);
      }
      updateRow(row, entry, strings);
      const below = [row];
      if (acknowledgedAt && entry.messageId === acknowledgedAt) below.push(this.acknowledgement.element);
      if (contactAt && entry.messageId === contactAt) below.push(this.contact.element);
      if (ratingAt && entry.messageId === ratingAt) below.push(this.rating.element);
      for (const node of below) {
        if (node === anchor) anchor = anchor.nextSibling;
        else list.insertBefore(node, anchor);
      }
    }

    if (atEnd || forceScroll) this.scrollToEnd();
  }

  scrollToEnd(): void {
    this.element.scrollTop = this.element.scrollHeight;
  }
}

function toEntries(snapshot: ChatSnapshot, strings: WidgetStrings, lang: string): Entry[] {
  const entries: Entry[] = snapshot.messages.map((m) => ({
    key: m.clientId ? `c:${m.clientId}` : `m:${m.id}`,
    role: m.role,
    text: m.role === 'system' ? noticeText(m, strings, lang) : m.text,
    author: authorOf(m, strings),
    messageId: m.id,
    clientId: m.clientId,
    status: m.role === 'customer' ? 'sent' : null,
    error: null,
    notice: m.notice,
    createdAt: m.createdAt,
  }));
  for (const preview of snapshot.streaming) {
    entries.push({
      key: `m:${preview.id}`,
      role: 'bot',
      text: preview.text,
      author: strings.assistant,
      messageId: null,
      clientId: null,
      status: null,
      error: null,
      notice: null,
      createdAt: preview.startedAt,
      streaming: true,
    });
  }
  const stored = new Set(entries.map((entry) => entry.key));
  for (const item of snapshot.outbox) {
    if (stored.has(`c:${item.clientId}`)) continue;
    entries.push({
      key: `c:${item.clientId}`,
      role: 'customer',
      text: item.text,
      author: null,
      messageId: null,
      clientId: item.clientId,
      status: item.status,
      error: item.error,
      notice: null,
      createdAt: item.createdAt,
    });
  }
  return entries;
}

function createRow(entry: Entry): HTMLElement {
  const row = h('div', {
    class: `row ${entry.role}`,
    'data-testid': 'message',
    'data-role': entry.role,
    'data-notice': entry.notice,
  });
  if (entry.role === 'system') {
    row.append(h('div', { class: 'notice' }, richText(entry.text)));
    return row;
  }
  if (entry.author) row.append(h('div', { class: 'author', 'data-testid': 'author' }, entry.author));
  const bubble = h('div', { class: 'bubble', title: formatTime(entry.createdAt) }, richText(entry.text));
  shownText.set(row, entry.text);
  row.append(bubble);
  if (entry.role === 'customer') row.append(h('div', { class: 'meta' }));
  return row;
}

/** The text each bot bubble shows, so a streamed reply's bubble is redrawn only when it grew. */
const shownText = new WeakMap<HTMLElement, string>();

/** The name shown above a bubble (and announced): none for the visitor's own or a notice. */
export function authorOf(message: Pick<Message, 'role' | 'author'>, strings: WidgetStrings): string | null {
  if (message.role === 'bot') return strings.assistant;
  return message.role === 'agent' ? (message.author?.name ?? strings.support) : null;
}

function updateRow(row: HTMLElement, entry: Entry, strings: WidgetStrings): void {
  setAttr(row, 'data-message-id', entry.messageId);
  setAttr(row, 'data-testid', entry.streaming ? 'message-preview' : 'message');
  // Screen readers wait for the finished reply instead of reading every piece.
  setAttr(row, 'aria-busy', entry.streaming ? 'true' : null);
  if (entry.role === 'bot' && shownText.get(row) !== entry.text) {
    row.querySelector('.bubble')?.replaceChildren(richText(entry.text));
    shownText.set(row, entry.text);
  }
  if (entry.role !== 'customer') return;
  const previous = row.dataset.status;
  setAttr(row, 'data-status', entry.status);
  if (previous === entry.status) return;
  const meta = row.querySelector('.meta');
  if (!meta) return;
  if (entry.status === 'failed' && entry.clientId) {
    meta.replaceChildren(
      h('span', { class: 'error', role: 'alert' }, entry.error ?? strings.notSent),
      h('button', { class: 'link', type: 'button', 'data-dismiss': entry.clientId }, strings.remove),
    );
  } else {
    meta.replaceChildren(entry.status === 'pending' ? strings.sending : receivedMark(strings));
  }
}

/** The server's ack came: the message is stored (the tick is decoration; "Received" is what is read out). */
function receivedMark(strings: WidgetStrings): HTMLElement {
  return h(
    'span',
    { class: 'received', 'data-testid': 'received' },
    h('span', { 'aria-hidden': 'true' }, '✓ '),
    strings.received,
  );
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}
