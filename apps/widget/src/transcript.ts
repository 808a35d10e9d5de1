import type { Message } from '@hitl/shared/models';

/**
 * Stored messages the visitor has seen, without duplicates, in reading order.
 * seq restarts in every conversation, so order is (order the conversation first appeared, seq).
 */
export class Transcript {
  private readonly byId = new Map<string, Message>();
  private readonly conversationOrder = new Map<string, number>();
  private sorted: Message[] | null = [];

  /** Returns false when the message was already known. */
  add(message: Message): boolean {
    if (message.visibility !== 'public' || this.byId.has(message.id)) return false;
    if (!this.conversationOrder.has(message.conversationId)) {
      this.conversationOrder.set(message.conversationId, this.conversationOrder.size);
    }
    this.byId.set(message.id, message);
    this.sorted = null;
    return true;
  }

  list(): readonly Message[] {
    if (!this.sorted) {
      const order = (m: Message) => this.conversationOrder.get(m.conversationId) ?? 0;
      this.sorted = [...this.byId.values()].sort((a, b) => order(a) - order(b) || a.seq - b.seq);
    }
    return this.sorted;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  hasClientId(clientId: string): boolean {
    for (const message of this.byId.values()) if (message.clientId === clientId) return true;
    return false;
  }

  lastSeq(conversationId: string | null): number {
    let last = 0;
    for (const message of this.byId.values()) {
      if (message.conversationId === conversationId && message.seq > last) last = message.seq;
    }
    return last;
  }

  clear(): void {
    this.byId.clear();
    this.conversationOrder.clear();
    this.sorted = [];
  }
}
