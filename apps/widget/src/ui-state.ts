import { readJson, sessionStorageOrNull, writeJson } from './storage';

/** What the visitor had on screen, so a reload or the shop's next page looks the same. */
export interface UiState {
  open: boolean;
  /** Text typed in the composer and not sent yet. */
  draft: string;
}

const MAX_DRAFT = 8000;

/**
 * sessionStorage["hitl-widget-ui:<siteKey>"]: per tab, like the outbox, so a new tab starts closed and
 * empty. Written on every change (a few hundred bytes, synchronous), so even a reload mid-word keeps it.
 */
export class UiStateStore {
  private readonly key: string;
  private state: UiState;
  /** Whether this tab had a saved state (otherwise the page's own `open` option decides). */
  readonly restored: boolean;

  constructor(
    siteKey: string,
    private readonly storage: Storage | null = sessionStorageOrNull(),
  ) {
    this.key = `hitl-widget-ui:${siteKey}`;
    const saved = readJson<Partial<UiState>>(storage, this.key);
    this.restored = saved !== null && typeof saved === 'object';
    this.state = {
      open: saved?.open === true,
      draft: typeof saved?.draft === 'string' ? saved.draft.slice(0, MAX_DRAFT) : '',
    };
  }

  get(): Readonly<UiState> {
    return this.state;
  }

  update(patch: Partial<UiState>): void {
    const next = { ...this.state, ...patch };
    if (next.open === this.state.open && next.draft === this.state.draft) return;
    this.state = next;
    writeJson(this.storage, this.key, next);
  }

  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Storage unavailable: nothing was kept either.
    }
  }
}
