import type { Ack } from '@hitl/shared/errors';
import type { Message } from '@hitl/shared/models';
import type { QueueStatus } from '@hitl/shared/queue-wait';
import type { PublicConversation, WidgetSendResult, WidgetSessionResponse } from '@hitl/shared/widget-events';
import { backoffDelay, sleep } from './backoff';
import { Connection, type ConnectionState, type WidgetSocket } from './connection';
import { requestContact } from './contact-prompt';
import { CurrentConversation } from './current-conversation';
import { Outbox, type OutboxItem } from './outbox';
import { requestRating } from './rate-conversation';
import { classifyRefusal } from './send-refusal';
import { SiteStore } from './storage';
import { type StreamPreview, StreamPreviews } from './stream-previews';
import { Transcript } from './transcript';
import { VisitorPresence } from './visitor-presence';

/** Everything the view needs to draw the chat. */
export interface ChatSnapshot {
  siteName: string;
  greeting: string;
  connection: ConnectionState;
  conversation: PublicConversation | null;
  messages: readonly Message[];
  /** Customer messages of this tab the server has not stored yet. */
  outbox: readonly OutboxItem[];
  /** Bot replies of the current conversation still being written. */
  streaming: readonly StreamPreview[];
  typing: boolean;
  /** The agent typing a reply in the followed conversation, or null. */
  agentTyping: string | null;
  unread: number;
  /** Where the conversation stands while it waits for a person; null otherwise. */
  queue: QueueStatus | null;
}

const ACK_TIMEOUT_MS = 5000;
const TYPING_TIMEOUT_MS = 30_000;
/**
 * The chat as the visitor sees it: transcript, unsent messages, conversation state.
 * Sends are retried with the same clientId until acknowledged, so a retry never duplicates.
 */
export class ChatClient {
  private readonly store: SiteStore;
  private readonly outbox: Outbox;
  private readonly transcript = new Transcript();
  private readonly previews = new StreamPreviews(() => this.changed());
  private readonly connection: Connection;
  private readonly current: CurrentConversation;
  private readonly listeners = new Set<() => void>();
  private socket: WidgetSocket | null = null;
  private connectionState: ConnectionState = 'connecting';
  private session: WidgetSessionResponse | null = null;
  /** Bumped on every connect so a sync from an older link never flips `ready`. */
  private link = 0;
  private ready = false;
  private flushing = false;
  private typing = false;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private panelOpen = false;
  private queue: QueueStatus | null = null;
  readonly presence: VisitorPresence;

  constructor(baseUrl: string, siteKey: string) {
    this.store = new SiteStore(siteKey);
    this.outbox = new Outbox(siteKey);
    this.current = new CurrentConversation(this.store);
    this.presence = new VisitorPresence(
      () => this.current.id,
      (id) => this.current.accepts(id),
      () => this.changed(),
    );
    this.connection = new Connection({
      baseUrl,
      siteKey,
      store: this.store,
      handlers: {
        bind: (socket) => this.bind(socket),
        session: (session) => this.applySession(session),
        connected: (socket) => {
          this.presence.connected();
          void this.resume(socket);
        },
        state: (state) => {
          if (state !== 'online') this.ready = false;
          this.connectionState = state;
          this.changed();
        },
      },
    });
  }

  start(): void {
    this.connection.start();
  }

  stop(): void {
    this.connection.stop();
    this.previews.clear();
    this.presence.stop();
    clearTimeout(this.typingTimer);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): ChatSnapshot {
    const { conversationId, readSeq } = this.store.get();
    const messages = this.transcript.list();
    // Only the followed conversation can have unread messages.
    const unread = this.panelOpen
      ? 0
      : messages.filter(
          (m) => m.conversationId === conversationId && m.role !== 'customer' && m.seq > readSeq,
        ).length;
    const streaming = this.previews.list(conversationId);
    return {
      siteName: this.session?.siteName ?? '',
      greeting: this.session?.greeting ?? '',
      connection: this.connectionState,
      conversation: this.current.value,
      messages,
      outbox: this.outbox.list(),
      streaming,
      // The growing reply shows that the bot is writing.
      typing: this.typing && streaming.length === 0,
      agentTyping: this.presence.agentTyping,
      unread,
      queue:
        this.current.value?.state === 'queued' && this.queue?.conversationId === conversationId
          ? this.queue
          : null,
    };
  }

  send(text: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    // Writing after a close starts a new conversation: the server opens one when no id is sent.
    if (this.current.closed) this.current.leave();
    this.outbox.add(trimmed);
    this.changed();
    void this.flush();
  }

  /** Removes a message the server refused. */
  dismiss(clientId: string): void {
    if (this.outbox.remove(clientId)) this.changed();
  }

  /** Leaves an e-mail for a reply when nobody is online; resolves with null once saved, else the problem. */
  async leaveContact(email: string): Promise<string | null> {
    const result = await requestContact(this.socket, this.current.id, email);
    if (typeof result === 'string') return result;
    if (this.applyConversation(result)) this.changed();
    return null;
  }

  /** Rates the closed conversation; resolves with null once stored (or already rated), else the problem. */
  async rate(rating: number, comment: string): Promise<string | null> {
    const result = await requestRating(this.socket, this.current.id, rating, comment);
    if (result === 'already_rated') return null;
    if (typeof result === 'string') return result;
    if (this.applyConversation(result)) this.changed();
    return null;
  }

  setPanelOpen(open: boolean): void {
    this.panelOpen = open;
    this.markRead();
    this.changed();
  }

  private bind(socket: WidgetSocket): void {
    this.socket = socket;
    socket.on('message:created', (message) => this.receive([message]));
    socket.on('conversation:updated', (conversation) => {
      const taken = conversation.state !== 'bot' && this.previews.dropConversation(conversation.id);
      if (this.applyConversation(conversation) || taken) this.changed();
    });
    socket.on('queue:position', (status) => this.setQueue(status));
    socket.on('bot:typing', ({ conversationId, typing }) => {
      if (this.current.accepts(conversationId)) this.setTyping(typing);
    });
    this.presence.bind(socket);
    this.previews.listen(socket, (c, id) => this.current.accepts(c) && !this.transcript.has(id));
  }

  private applySession(session: WidgetSessionResponse): void {
    const stored = this.store.get();
    if (stored.visitorId && stored.visitorId !== session.visitorId) {
      // A new visitor identity cannot read the old one's conversation.
      this.transcript.clear();
      this.previews.clear();
      this.current.reset();
    }
    this.store.update({ token: session.token, visitorId: session.visitorId });
    this.session = session;
    this.changed();
  }

  /** After every (re)connect: fetch what was missed, then send what is waiting. */
  private async resume(socket: WidgetSocket): Promise<void> {
    const link = ++this.link;
    this.ready = false;
    for (let attempt = 0; socket.connected && link === this.link; attempt++) {
      const conversationId = this.store.get().conversationId;
      const afterSeq = this.transcript.lastSeq(conversationId);
      try {
        const ack = await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('conversation:sync', { conversationId, afterSeq });
        if (link !== this.link) return;
        if (ack.ok) {
          if (ack.data.conversation) this.applyConversation(ack.data.conversation);
          else if (conversationId) this.current.leave();
          this.setQueue(ack.data.queue ?? null);
          this.receive(ack.data.messages);
          this.ready = true;
          this.changed();
          void this.flush();
          return;
        }
        const refusal = classifyRefusal(ack.error.code, conversationId !== null);
        if (refusal === 'reauthenticate') return void this.connection.refreshSession();
        if (refusal === 'new-conversation') {
          this.current.leave();
          continue;
        }
      } catch {
        // No ack in time, or the link dropped: try again while connected.
      }
      await sleep(backoffDelay(attempt, 10_000));
    }
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      let attempt = 0;
      for (let item = this.outbox.nextPending(); item; item = this.outbox.nextPending()) {
        const socket = this.socket;
        if (!this.ready || !socket?.connected) return; // resumed by the next sync
        const outcome = await this.deliver(socket, item);
        if (outcome === 'retry') await sleep(backoffDelay(attempt++, 10_000));
        else attempt = 0;
      }
    } finally {
      this.flushing = false;
    }
  }

  private async deliver(socket: WidgetSocket, item: OutboxItem): Promise<'done' | 'retry' | 'again'> {
    const conversationId = this.store.get().conversationId;
    let ack: Ack<WidgetSendResult>;
    try {
      ack = await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('message:send', { clientId: item.clientId, conversationId, text: item.text });
    } catch {
      return 'retry';
    }
    if (ack.ok) {
      this.outbox.remove(item.clientId);
      this.applyConversation(ack.data.conversation);
      this.setQueue(ack.data.queue ?? null);
      this.receive([ack.data.message]);
      return 'done';
    }
    switch (classifyRefusal(ack.error.code, conversationId !== null)) {
      case 'fail':
        this.outbox.fail(item.clientId, ack.error.message || 'This message could not be sent.');
        this.changed();
        return 'done';
      case 'new-conversation':
        this.current.leave();
        return 'again';
      case 'reauthenticate':
        this.ready = false;
        void this.connection.refreshSession();
        return 'retry';
      default:
        return 'retry';
    }
  }

  private receive(messages: readonly Message[]): void {
    let added = false;
    for (const message of messages) {
      if (!this.current.follow(message.conversationId)) continue;
      if (message.clientId && this.outbox.remove(message.clientId)) added = true;
      if (this.previews.settle(message.id)) added = true;
      if (message.notice === 'agent_joined' && this.previews.dropConversation(message.conversationId))
        added = true;
      if (!this.transcript.add(message)) continue;
      added = true;
      if (message.role === 'bot' || message.role === 'agent') this.setTyping(false);
      if (message.role === 'agent') this.presence.clearAgentTyping();
    }
    if (!added) return;
    this.store.update({ lastSeq: this.transcript.lastSeq(this.store.get().conversationId) });
    if (this.panelOpen) this.markRead();
    this.changed();
  }

  private applyConversation(conversation: PublicConversation): boolean {
    if (!this.current.update(conversation)) return false;
    if (conversation.state !== 'bot') this.setTyping(false);
    if (conversation.state !== 'agent') this.presence.clearAgentTyping();
    return true;
  }

  /** A place in the queue for the followed conversation (the snapshot drops it once it left the queue). */
  private setQueue(status: QueueStatus | null): void {
    if (status && status.conversationId !== this.current.id) return;
    this.queue = status;
    this.changed();
  }

  private markRead(): void {
    if (!this.panelOpen) return;
    const { conversationId, lastSeq } = this.store.get();
    if (conversationId) this.store.update({ readSeq: lastSeq });
  }

  private setTyping(typing: boolean): void {
    clearTimeout(this.typingTimer);
    // A lost "stopped typing" event must not leave the dots forever.
    if (typing) this.typingTimer = setTimeout(() => this.setTyping(false), TYPING_TIMEOUT_MS);
    if (this.typing === typing) return;
    this.typing = typing;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
