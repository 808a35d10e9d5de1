import type { WidgetSocket } from './connection';

/** How often a ping goes out while someone is looking at the chat or a message waits. */
export const HEARTBEAT_EVERY_MS = 2000;
/** No answer in this long and the link counts as lost: with the interval, loss shows within 5 s. */
export const HEARTBEAT_TIMEOUT_MS = 3000;

export interface LinkWatchHandlers {
  /** The browser went offline (true) or back online (false). */
  offline(offline: boolean): void;
  /** A heartbeat went unanswered on a socket that believed itself connected. */
  lost(): void;
}

/**
 * Notices a dead link quickly. Engine.IO's own ping would take up to ~45 s (25 s interval + 20 s timeout)
 * and tightening it would cost every idle socket on the server; an ack'ed `link:ping` every 2 s is only
 * sent while it matters (panel open or messages in flight). The browser's offline/online events count at once.
 */
export class LinkWatch {
  private timer: ReturnType<typeof setInterval> | undefined;
  private socket: WidgetSocket | null = null;
  private waiting = false;
  private readonly onOffline = () => this.handlers.offline(true);
  private readonly onOnline = () => this.handlers.offline(false);

  constructor(private readonly handlers: LinkWatchHandlers) {}

  start(): void {
    addEventListener('offline', this.onOffline);
    addEventListener('online', this.onOnline);
    if (navigator.onLine === false) this.handlers.offline(true);
  }

  stop(): void {
    removeEventListener('offline', this.onOffline);
    removeEventListener('online', this.onOnline);
    this.setActive(null);
  }

  /** Pings `socket` while it is given; null stops the heartbeat (idle sockets stay cheap). */
  setActive(socket: WidgetSocket | null): void {
    if (socket === this.socket) return;
    this.socket = socket;
    clearInterval(this.timer);
    this.timer = socket ? setInterval(() => void this.beat(), HEARTBEAT_EVERY_MS) : undefined;
  }

  private async beat(): Promise<void> {
    const socket = this.socket;
    // A background tab shows nobody anything, and its throttled timers would only make false alarms;
    // the next beat after it is shown again checks the link.
    if (!socket?.connected || this.waiting || document.visibilityState === 'hidden') return;
    this.waiting = true;
    try {
      // Any answer, a refusal included, proves the link is alive.
      await socket.timeout(HEARTBEAT_TIMEOUT_MS).emitWithAck('link:ping', {});
    } catch {
      if (socket === this.socket && socket.connected) this.handlers.lost();
    } finally {
      this.waiting = false;
    }
  }
}
