/**
 * Runs tasks one at a time per key, in arrival order, so two messages of one conversation
 * are never answered concurrently. Keys with nothing pending are forgotten.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** True when nothing is running or waiting under this key. */
  isIdle(key: string): boolean {
    return !this.tails.has(key);
  }

  /** Resolves when every queued task has settled (used on shutdown and in tests). */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
