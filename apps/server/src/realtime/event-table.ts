import type { Socket } from 'socket.io';

/** Handles one event: the socket it came on and the event's arguments (payload, ack). */
export type SocketEventHandler<S> = (socket: S, args: unknown[]) => Promise<void>;

/**
 * One listener shared by every socket of a namespace, dispatching by event name. A `socket.on` per
 * event gives each connection closures of its own; with the table an idle connection holds one
 * reference to this function and nothing else of ours, which matters where idle widget sockets are
 * most of a node's memory. An event not in the table gets an `unknown_event` answer when it asked for
 * one, so a client never waits for an ack that cannot come (a typo, an old client after an upgrade).
 */
export function eventTableListener<S extends Socket>(
  table: ReadonlyMap<string, SocketEventHandler<S>>,
): (this: S, event: string, ...args: unknown[]) => void {
  return function onEvent(this: S, event: string, ...args: unknown[]): void {
    const handler = table.get(event);
    if (handler !== undefined) {
      void handler(this, args);
      return;
    }
    // Events with a listener of their own (Socket.IO's reserved ones, a few per-socket handlers) are theirs.
    if (this.listeners(event).length > 0) return;
    answerUnknownEvent(event, args);
  };
}

/** Answers an event nothing handles, when it carries an ack. */
export function answerUnknownEvent(event: string, args: readonly unknown[]): void {
  const ack = args[args.length - 1];
  if (typeof ack !== 'function') return;
  const name = String(event).slice(0, 60);
  ack({ ok: false, error: { code: 'unknown_event', message: `There is no event "${name}".` } });
}
