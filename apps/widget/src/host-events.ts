import type { MessageRole } from '@hitl/shared/models';

/** A message as the embedding page hears of it (`HitlWidget.on('message', …)`): what the visitor sees. */
export interface HostMessage {
  id: string;
  conversationId: string;
  role: MessageRole;
  text: string;
  /** The name shown above the bubble (the assistant's or the agent's); null for the visitor's own and notices. */
  author: string | null;
  createdAt: string;
}

/** What `HitlWidget.on(event, fn)` calls `fn` with, by event. */
export interface HostEventMap {
  /** History restored, sending possible (once per widget). */
  ready: undefined;
  open: undefined;
  close: undefined;
  /** A new message shown (replies, notices, and the visitor's own once stored); not the restored history. */
  message: HostMessage;
  /** The unread count changed (0 when the panel opens). */
  unread: { count: number };
}

export type HostEventName = keyof HostEventMap;
export type HostListener<E extends HostEventName> = (detail: HostEventMap[E]) => void;

export const HOST_EVENTS: readonly HostEventName[] = ['ready', 'open', 'close', 'message', 'unread'];

/** The page's listeners. A listener that throws is reported and does not stop the widget or the others. */
export class HostEvents {
  private readonly listeners = new Map<HostEventName, Set<(detail: never) => void>>();

  on<E extends HostEventName>(event: E, listener: HostListener<E>): () => void {
    if (!HOST_EVENTS.includes(event)) throw new Error(`HitlWidget.on: unknown event "${String(event)}"`);
    if (typeof listener !== 'function') throw new Error('HitlWidget.on: the listener must be a function');
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener as (detail: never) => void);
    return () => void set.delete(listener as (detail: never) => void);
  }

  emit<E extends HostEventName>(event: E, detail: HostEventMap[E]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as HostListener<E>)(detail);
      } catch (error) {
        console.error(`HitlWidget: a "${event}" listener failed`, error);
      }
    }
  }
}
