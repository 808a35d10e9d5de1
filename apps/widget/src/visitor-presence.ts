import { createTypingIndicator, createTypingSender } from '@hitl/shared/typing';
import type { VisitorIdentityInput } from '@hitl/shared/visitor-context';
import type { WidgetSocket } from './connection';
import { readPage, watchPage } from './page-context';

const noAck = () => undefined;

/**
 * What the visitor's side tells the team besides messages: the page they are on (at every connect and
 * after each navigation), who the site says they are (`identify`), and that they are typing; and what it
 * hears back: the agent typing a reply.
 */
export class VisitorPresence {
  private socket: WidgetSocket | null = null;
  private identity: VisitorIdentityInput | null = null;
  private stopWatching: (() => void) | null = null;
  /** The name of the agent typing in the followed conversation, null when nobody is. */
  agentTyping: string | null = null;
  private readonly indicator = createTypingIndicator<string>((name) => {
    this.agentTyping = name;
    this.changed();
  });
  private readonly sender = createTypingSender((typing) => {
    const conversationId = this.conversationId();
    if (conversationId && this.socket?.connected)
      this.socket.emit('typing:update', { conversationId, typing }, noAck);
  });

  constructor(
    private readonly conversationId: () => string | null,
    private readonly accepts: (conversationId: string) => boolean,
    private readonly changed: () => void,
  ) {}

  bind(socket: WidgetSocket): void {
    this.socket = socket;
    socket.on('agent:typing', ({ conversationId, agent, typing }) => {
      if (this.accepts(conversationId)) this.indicator.update(typing, agent.name);
    });
  }

  /** After every (re)connect: the server hears the page (a new load or a reconnect) and the identity again. */
  connected(): void {
    this.sendPage();
    if (this.identity) this.sendIdentity(this.identity);
    this.stopWatching ??= watchPage(() => this.sendPage());
  }

  identify(identity: VisitorIdentityInput): void {
    this.identity = identity;
    if (this.socket?.connected) this.sendIdentity(identity);
  }

  /** The composer's text changed: typing while there is text and a conversation to type in. */
  typed(text: string): void {
    if (!text.trim()) this.sender.stop();
    else if (this.conversationId()) this.sender.input();
  }

  /** Sent or left the composer. */
  stopTyping(): void {
    this.sender.stop();
  }

  /** The agent's reply arrived, or the conversation changed: their indicator goes at once. */
  clearAgentTyping(): void {
    this.indicator.clear();
  }

  stop(): void {
    this.stopWatching?.();
    this.stopWatching = null;
    this.sender.stop();
    this.indicator.clear();
  }

  private sendPage(): void {
    if (this.socket?.connected) this.socket.emit('visitor:page', readPage(), noAck);
  }

  private sendIdentity(identity: VisitorIdentityInput): void {
    this.socket?.emit('visitor:identify', identity, (ack) => {
      // The page's own mistake (a malformed e-mail): say so to its developer, not to the visitor.
      if (!ack.ok) console.warn(`HitlWidget.identify: ${ack.error.message}`);
    });
  }
}
