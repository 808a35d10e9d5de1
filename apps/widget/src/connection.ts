import type {
  WidgetClientToServerEvents,
  WidgetServerToClientEvents,
  WidgetSessionResponse,
} from '@hitl/shared/widget-events';
import { io, type Socket } from 'socket.io-client';
import { backoffDelay } from './backoff';
import { LinkWatch } from './link-watch';
import { fetchSession, SessionError } from './session';
import type { SiteStore } from './storage';

export type WidgetSocket = Socket<WidgetServerToClientEvents, WidgetClientToServerEvents>;

/** What the visitor is told about the link to the server; `offline` is the browser's own word. */
export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'unavailable';

export interface ConnectionHandlers {
  /** Called once with the socket, before it first connects, so no event is missed. */
  bind(socket: WidgetSocket): void;
  session(session: WidgetSessionResponse): void;
  /** Called after every successful (re)connect. */
  connected(socket: WidgetSocket): void;
  state(state: ConnectionState): void;
}

interface ConnectionOptions {
  baseUrl: string;
  siteKey: string;
  store: SiteStore;
  handlers: ConnectionHandlers;
}

/**
 * Owns the visitor session and the /widget socket: gets a token, connects, and recovers from
 * lost links (the Socket.IO manager retries) and rejected handshakes (a fresh session, then retry).
 */
export class Connection {
  private socket: WidgetSocket | null = null;
  private refreshing = false;
  private stopped = false;
  private everOnline = false;
  /** Consecutive failures to get a session or to connect. */
  private failures = 0;
  /** Consecutive handshakes refused for the token. */
  private rejections = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The browser says there is no network: no retries until it says otherwise. */
  private offline = false;
  private watched = false;
  private readonly watch = new LinkWatch({
    offline: (offline) => this.setOffline(offline),
    lost: () => {
      this.report('reconnecting');
      // Drops the dead transport; the manager reconnects as after any lost link.
      this.socket?.io.engine?.close();
    },
  });

  constructor(private readonly options: ConnectionOptions) {}

  start(): void {
    this.report('connecting');
    this.watch.start();
    void this.refreshSession();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.watch.stop();
    this.socket?.disconnect();
  }

  /** Heartbeat on (panel open, messages in flight) or off (idle: Engine.IO's slow ping is enough). */
  setWatched(watched: boolean): void {
    this.watched = watched;
    this.watch.setActive(watched ? this.socket : null);
  }

  private setOffline(offline: boolean): void {
    if (this.stopped || offline === this.offline) return;
    this.offline = offline;
    if (offline) {
      // Retrying without a network only burns battery; the online event brings the link back.
      this.socket?.disconnect();
      this.report('reconnecting');
    } else if (!this.socket) {
      this.scheduleRefresh(0);
    } else if (!this.socket.connected) {
      this.report('reconnecting');
      this.socket.connect();
    }
  }

  /** The state as told to the visitor: anything short of online is "offline" while the browser says so. */
  private report(state: ConnectionState): void {
    this.options.handlers.state(this.offline && state !== 'online' ? 'offline' : state);
  }

  /** Gets a valid visitor token (the stored one, or a new one) and (re)connects with it. */
  async refreshSession(): Promise<void> {
    if (this.refreshing || this.stopped) return;
    this.refreshing = true;
    clearTimeout(this.retryTimer);
    const { baseUrl, siteKey, store, handlers } = this.options;
    // A token refused twice in a row is the culprit: start over as a new visitor rather than loop.
    const token = this.rejections >= 2 ? null : store.get().token;
    try {
      const session = await fetchSession(baseUrl, { siteKey, token });
      if (this.stopped) return;
      handlers.session(session);
      this.reconnect();
    } catch (error) {
      this.failures += 1;
      if (error instanceof SessionError && error.code === 'unauthorized') this.rejections += 1;
      const permanent =
        error instanceof SessionError && ['forbidden', 'not_found', 'invalid_payload'].includes(error.code);
      if (permanent) this.report('unavailable');
      this.scheduleRefresh(permanent ? 60_000 : backoffDelay(this.failures - 1, 10_000));
    } finally {
      this.refreshing = false;
    }
  }

  private reconnect(): void {
    const socket = this.socket ?? this.createSocket();
    if (socket.connected) socket.disconnect();
    socket.connect();
  }

  private createSocket(): WidgetSocket {
    const { baseUrl, siteKey, store, handlers } = this.options;
    const socket: WidgetSocket = io(`${baseUrl}/widget`, {
      // A function, so every reconnect presents the newest token.
      auth: (cb) => cb({ siteKey, token: store.get().token ?? '' }),
      transports: ['websocket', 'polling'],
      autoConnect: false,
    });
    this.socket = socket;
    this.setWatched(this.watched);
    handlers.bind(socket);
    socket.on('connect', () => {
      this.everOnline = true;
      this.failures = 0;
      this.rejections = 0;
      this.report('online');
      handlers.connected(socket);
    });
    socket.on('disconnect', (reason) => {
      if (this.stopped) return;
      this.report('reconnecting');
      // The server closed this socket on purpose (e.g. a revoked token): the manager will not retry.
      if (reason === 'io server disconnect') this.scheduleRefresh(backoffDelay(this.failures++));
    });
    socket.on('connect_error', (error) => {
      if (this.stopped) return;
      this.report(this.everOnline ? 'reconnecting' : 'connecting');
      if (socket.active) return; // a transport problem: the manager retries by itself
      this.failures += 1;
      if (error.message === 'unauthorized') this.rejections += 1;
      // The first refusal is usually an expired token: get a fresh one at once.
      this.scheduleRefresh(this.failures === 1 ? 0 : backoffDelay(this.failures - 2));
    });
    return socket;
  }

  private scheduleRefresh(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.refreshSession(), ms);
  }
}
