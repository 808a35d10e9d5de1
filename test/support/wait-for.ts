import type { Socket } from 'socket.io-client';

/**
 * Resolves with the first event `name` whose payload satisfies `match`, listening from now on.
 * Rejects after `timeoutMs` with what was seen, so a failure says why.
 */
export function waitForEvent<T>(
  socket: Socket,
  name: string,
  match: (payload: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  const seen: unknown[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(name, listener);
      reject(
        new Error(`no matching "${name}" within ${timeoutMs} ms; saw ${JSON.stringify(seen).slice(0, 2000)}`),
      );
    }, timeoutMs);
    const listener = (payload: T) => {
      seen.push(payload);
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(name, listener);
      resolve(payload);
    };
    socket.on(name, listener);
  });
}

/** Collects every payload of `name` into an array (for asserting what did NOT happen). */
export function collectEvents<T>(socket: Socket, name: string): T[] {
  const list: T[] = [];
  socket.on(name, (payload: T) => list.push(payload));
  return list;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
