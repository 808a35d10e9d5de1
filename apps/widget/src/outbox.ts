import { readJson, sessionStorageOrNull, writeJson } from './storage';

/** A customer message typed in this tab and not yet acknowledged by the server. */
export interface OutboxItem {
  clientId: string;
  text: string;
  createdAt: string;
  status: 'pending' | 'failed';
  /** Shown under a failed bubble. */
  error: string | null;
}

/**
 * Unsent messages of this tab, kept in sessionStorage so a reload never loses typed text.
 * Items leave only when the server has stored them (ack, or their broadcast seen by clientId).
 */
export class Outbox {
  private items: OutboxItem[];
  private readonly key: string;

  constructor(siteKey: string) {
    this.key = `hitl-widget-outbox:${siteKey}`;
    const saved = readJson<OutboxItem[]>(sessionStorageOrNull(), this.key);
    this.items = Array.isArray(saved) ? saved.filter(isOutboxItem) : [];
  }

  list(): readonly OutboxItem[] {
    return this.items;
  }

  add(text: string): OutboxItem {
    const item: OutboxItem = {
      clientId: createClientId(),
      text,
      createdAt: new Date().toISOString(),
      status: 'pending',
      error: null,
    };
    this.items.push(item);
    this.save();
    return item;
  }

  has(clientId: string): boolean {
    return this.items.some((item) => item.clientId === clientId);
  }

  nextPending(): OutboxItem | undefined {
    return this.items.find((item) => item.status === 'pending');
  }

  remove(clientId: string): boolean {
    const before = this.items.length;
    this.items = this.items.filter((item) => item.clientId !== clientId);
    if (this.items.length === before) return false;
    this.save();
    return true;
  }

  fail(clientId: string, error: string): void {
    this.items = this.items.map((item) =>
      item.clientId === clientId ? { ...item, status: 'failed', error } : item,
    );
    this.save();
  }

  private save(): void {
    writeJson(sessionStorageOrNull(), this.key, this.items);
  }
}

function createClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; plain-http hosts still get an unguessable id.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function isOutboxItem(value: unknown): value is OutboxItem {
  const item = value as Partial<OutboxItem> | null;
  return (
    typeof item?.clientId === 'string' &&
    typeof item.text === 'string' &&
    typeof item.createdAt === 'string' &&
    (item.status === 'pending' || item.status === 'failed')
  );
}
