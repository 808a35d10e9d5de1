/** What survives a page reload for one site key (localStorage). */
export interface SiteRecord {
  token: string | null;
  visitorId: string | null;
  conversationId: string | null;
  /** Highest seq received in the current conversation. */
  lastSeq: number;
  /** Highest seq the visitor has had in front of them with the panel open (drives the unread badge). */
  readSeq: number;
}

/** Reads and writes one site key's record; storage may be unavailable (privacy modes), so every access is guarded. */
export class SiteStore {
  private record: SiteRecord;
  private readonly key: string;

  constructor(siteKey: string) {
    this.key = `hitl-widget:${siteKey}`;
    this.record = sanitizeRecord(readJson<Partial<SiteRecord>>(localStorageOrNull(), this.key));
  }

  get(): Readonly<SiteRecord> {
    return this.record;
  }

  update(patch: Partial<SiteRecord>): void {
    const next = { ...this.record, ...patch };
    if (sameRecord(next, this.record)) return;
    this.record = next;
    writeJson(localStorageOrNull(), this.key, next);
  }
}

function sanitizeRecord(raw: Partial<SiteRecord> | null): SiteRecord {
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
  const seq = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);
  return {
    token: text(raw?.token),
    visitorId: text(raw?.visitorId),
    conversationId: text(raw?.conversationId),
    lastSeq: seq(raw?.lastSeq),
    readSeq: seq(raw?.readSeq),
  };
}

function sameRecord(a: SiteRecord, b: SiteRecord): boolean {
  return (Object.keys(a) as (keyof SiteRecord)[]).every((k) => a[k] === b[k]);
}

export function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function readJson<T>(storage: Storage | null, key: string): T | null {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function writeJson(storage: Storage | null, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota or privacy mode: the widget keeps working from memory.
  }
}

/** Everything the widget keeps for one site key in this browser: `HitlWidget.shutdown()` forgets the visitor. */
export function forgetSite(siteKey: string): void {
  for (const [storage, key] of [
    [localStorageOrNull(), `hitl-widget:${siteKey}`],
    [sessionStorageOrNull(), `hitl-widget-outbox:${siteKey}`],
    [sessionStorageOrNull(), `hitl-widget-ui:${siteKey}`],
  ] as const) {
    try {
      storage?.removeItem(key);
    } catch {
      // Unavailable storage kept nothing.
    }
  }
}
