import type { WidgetSocket } from './connection';

/** A bot reply still being written; its stored message will have the id `id`. */
export interface StreamPreview {
  id: string;
  conversationId: string;
  text: string;
  startedAt: string;
}

/** A preview whose end never came (a lost event) is dropped after this long without news. */
const STALE_MS = 60_000;

/**
 * The bot replies being streamed to this tab: text grows with each piece; a preview goes when its stored
 * message arrives, when the server drops it (the reply was withheld), or when it goes quiet too long.
 */
export class StreamPreviews {
  private readonly previews = new Map<string, StreamPreview>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Streams that are over: pieces arriving late must not bring them back. */
  private readonly finished = new Set<string>();

  /** `onChange` is called whenever the previews change (a piece arrived, one was dropped or expired). */
  constructor(private readonly onChange: () => void) {}

  /** Follows the socket's stream events; `accepts` says whether a reply (conversation, id) is wanted. */
  listen(socket: WidgetSocket, accepts: (conversationId: string, id: string) => boolean): void {
    socket.on('bot:stream', ({ conversationId, streamId, delta }) => {
      if (accepts(conversationId, streamId) && this.append(conversationId, streamId, delta)) this.onChange();
    });
    socket.on('bot:stream-end', ({ streamId, kept }) => {
      if (this.end(streamId, kept)) this.onChange();
    });
  }

  /** Returns whether anything changed. */
  append(conversationId: string, id: string, delta: string): boolean {
    if (this.finished.has(id)) return false;
    const preview = this.previews.get(id) ?? {
      id,
      conversationId,
      text: '',
      startedAt: new Date().toISOString(),
    };
    preview.text += delta;
    this.previews.set(id, preview);
    this.watch(id);
    return true;
  }

  /** Kept: the preview stays until its message arrives. Otherwise it is dropped now. */
  end(id: string, kept: boolean): boolean {
    if (kept) {
      this.finished.add(id);
      return false;
    }
    return this.remove(id);
  }

  /** Its stored message arrived: the message takes the preview's place. */
  settle(id: string): boolean {
    return this.remove(id);
  }

  /**
   * A person has the conversation now: no reply being written by the bot can be kept any more (the store
   * refuses it), so its preview goes at once rather than when the refusal arrives. Returns whether any went.
   */
  dropConversation(conversationId: string): boolean {
    let dropped = false;
    for (const preview of [...this.previews.values()])
      if (preview.conversationId === conversationId && this.remove(preview.id)) dropped = true;
    return dropped;
  }

  list(conversationId: string | null): StreamPreview[] {
    return [...this.previews.values()].filter((p) => p.conversationId === conversationId);
  }

  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.previews.clear();
  }

  private remove(id: string): boolean {
    if (!this.previews.has(id)) return false;
    this.finished.add(id);
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    return this.previews.delete(id);
  }

  private watch(id: string): void {
    clearTimeout(this.timers.get(id));
    this.timers.set(
      id,
      setTimeout(() => {
        if (this.remove(id)) this.onChange();
      }, STALE_MS),
    );
  }
}
