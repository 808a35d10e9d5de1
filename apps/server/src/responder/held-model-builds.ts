import {
  type ModelThreadInput,
  type OfflineModelThread,
  startOfflineModelThread,
} from './offline-model-thread';

export interface HeldModelBuilds {
  /** Pass as `startModel`: every real model thread it starts waits before building until released. */
  startModel(input: ModelThreadInput): Promise<OfflineModelThread>;
  /** Lets the `index`-th build (0 is the first) go on. */
  release(index: number): void;
  /** How many builds were started. */
  readonly builds: number;
}

/**
 * For tests: model threads that wait before building until the test releases them, standing in for a
 * training that takes as long as the test needs, so that what happens meanwhile is certain rather than
 * a race. The first build (the one at start) is released at once.
 */
export function heldModelBuilds(): HeldModelBuilds {
  const holds: Int32Array[] = [];
  const release = (index: number) => {
    const hold = holds[index];
    if (hold === undefined) throw new Error(`no build ${index} was started`);
    Atomics.store(hold, 0, 1);
    Atomics.notify(hold, 0);
  };
  return {
    startModel(input) {
      const hold = new Int32Array(new SharedArrayBuffer(4));
      holds.push(hold);
      if (holds.length === 1) release(0);
      return startOfflineModelThread({ ...input, hold });
    },
    release,
    get builds() {
      return holds.length;
    },
  };
}
