/**
 * Typing indicators without a flood: the sender announces at most once every `refreshMs` while keys are
 * pressed and says stop on send, blur or after `idleMs` without a key; the receiver shows the indicator
 * until a stop or `expiresMs` without a refresh, so a lost stop (a closed tab) never leaves it on.
 */
export const TYPING_REFRESH_MS = 2_000;
export const TYPING_IDLE_MS = 4_000;
export const TYPING_EXPIRES_MS = 6_000;

/** The timer functions the logic needs, injected so tests run it on fake time. */
export interface TypingTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: TypingTimers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface TypingSender {
  /** A key was pressed (or the text changed). */
  input(): void;
  /** Sent, blurred or emptied: says stop once if typing was announced. */
  stop(): void;
}

export function createTypingSender(
  emit: (typing: boolean) => void,
  timers: TypingTimers = realTimers,
  { refreshMs = TYPING_REFRESH_MS, idleMs = TYPING_IDLE_MS } = {},
): TypingSender {
  let announcedAt: number | null = null;
  let idle: unknown;
  const stop = () => {
    timers.clearTimeout(idle);
    idle = undefined;
    if (announcedAt === null) return;
    announcedAt = null;
    emit(false);
  };
  return {
    input() {
      const now = timers.now();
      if (announcedAt === null || now - announcedAt >= refreshMs) {
        announcedAt = now;
        emit(true);
      }
      timers.clearTimeout(idle);
      idle = timers.setTimeout(stop, idleMs);
    },
    stop,
  };
}

export interface TypingIndicator<T> {
  /** A typing event arrived: `typing: true` shows (or refreshes) `who`, false hides. */
  update(typing: boolean, who: T): void;
  clear(): void;
}

/** The receiving side: reports `who` while typing, null once stopped or expired. */
export function createTypingIndicator<T>(
  onChange: (who: T | null) => void,
  timers: TypingTimers = realTimers,
  expiresMs = TYPING_EXPIRES_MS,
): TypingIndicator<T> {
  let shown = false;
  let expiry: unknown;
  const hide = () => {
    timers.clearTimeout(expiry);
    expiry = undefined;
    if (!shown) return;
    shown = false;
    onChange(null);
  };
  return {
    update(typing, who) {
      if (!typing) return hide();
      timers.clearTimeout(expiry);
      expiry = timers.setTimeout(hide, expiresMs);
      shown = true;
      onChange(who);
    },
    clear: hide,
  };
}
