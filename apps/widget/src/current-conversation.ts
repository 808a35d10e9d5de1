import type { PublicConversation } from '@hitl/shared/widget-events';
import type { SiteStore } from './storage';

/**
 * Which conversation the visitor is following. One at a time: the stored one, or a newer one once
 * that has ended (e.g. started from another tab). Conversations left behind are ignored from then on.
 */
export class CurrentConversation {
  private conversation: PublicConversation | null = null;
  private readonly abandoned = new Set<string>();

  constructor(private readonly store: SiteStore) {}

  get id(): string | null {
    return this.store.get().conversationId;
  }

  get value(): PublicConversation | null {
    return this.conversation;
  }

  get closed(): boolean {
    return this.conversation?.state === 'closed';
  }

  accepts(conversationId: string): boolean {
    if (this.abandoned.has(conversationId)) return false;
    const current = this.id;
    return !current || current === conversationId || this.closed;
  }

  /** Follows `conversationId` if it is acceptable; returns whether it is now the current one. */
  follow(conversationId: string): boolean {
    if (!this.accepts(conversationId)) return false;
    if (conversationId === this.id) return true;
    this.leave();
    this.store.update({ conversationId });
    return true;
  }

  update(conversation: PublicConversation): boolean {
    if (!this.follow(conversation.id)) return false;
    this.conversation = conversation;
    return true;
  }

  /** Stops following the current conversation; the next message the visitor sends starts a new one. */
  leave(): void {
    const previous = this.id;
    if (previous) this.abandoned.add(previous);
    this.conversation = null;
    this.store.update({ conversationId: null, lastSeq: 0, readSeq: 0 });
  }

  /** A different visitor identity: nothing of the old one applies. */
  reset(): void {
    this.conversation = null;
    this.abandoned.clear();
    this.store.update({ conversationId: null, lastSeq: 0, readSeq: 0 });
  }
}
