/** Runs `task` after every earlier task queued under the same key has settled. */
export type KeyedQueue = <T>(key: string, task: () => Promise<T>) => Promise<T>;

/**
 * One queue per key (a conversation id), kept only while something is waiting on it.
 *
 * The store runs the writes of one conversation one after another within a process. On MongoDB
 * this only spares a burst of concurrent appends from retrying against each other: correctness
 * comes from the unique indexes and conditional updates. FerretDB v1 executes `findAndModify` and
 * `update` as a read followed by a whole-document replace, so two conditional updates of the same
 * document can both succeed; this queue is what keeps a conversation's updates from overtaking each
 * other there (within one process — run a single server process against FerretDB).
 */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<void>>();

  return async <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    let release = () => {};
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => done);
    tails.set(key, tail);
    try {
      await previous;
      return await task();
    } finally {
      release();
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
