import type { Article } from '../knowledge/knowledge-base';
import { startWorkerThread } from '../lib/start-worker-thread';
import type { LearnedExample, ResponderAnswer, ResponderContext } from './responder';

/** What a model thread is built from. */
export interface ModelThreadInput {
  articles: Article[];
  learned: LearnedExample[];
  /**
   * For tests only: the thread waits (`Atomics.wait`) until `hold[0]` is not 0 before it builds the
   * model, standing in for a training that takes that long.
   */
  hold?: Int32Array;
}

type ModelCall = { op: 'answer'; context: ResponderContext } | { op: 'learn'; example: LearnedExample };

export type ModelRequest = ModelCall & { id: number };

export type ModelReply =
  | { ready: true; size: number; modelId: string }
  | { id: number; answer?: ResponderAnswer; size: number }
  | { id: number; error: string };

/** The offline model living in a worker thread; calls are answered in the order they were made. */
export interface OfflineModelThread {
  readonly modelId: string;
  /** Training examples of the model, as of the last reply. */
  readonly size: number;
  /** The thread stopped or failed: every call is refused from now on. */
  readonly failed: boolean;
  answer(context: ResponderContext): Promise<ResponderAnswer>;
  learn(example: LearnedExample): Promise<void>;
  /** Lets the calls already made finish, then stops the thread. */
  close(): Promise<void>;
}

interface Pending {
  resolve: (reply: { answer?: ResponderAnswer }) => void;
  reject: (error: Error) => void;
}

/**
 * Starts a worker thread that builds `createOfflineResponder` from `input`; resolves once the model is
 * built and can answer. The thread runs the built model code (see `startWorkerThread`). A thread that
 * fails (an error in the build, the thread dying) rejects the start or every call under way and after.
 */
export async function startOfflineModelThread(input: ModelThreadInput): Promise<OfflineModelThread> {
  const worker = startWorkerThread(
    'offline-model-worker',
    new URL('./offline-model-worker.ts', import.meta.url),
    { workerData: input },
  );
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let size = 0;
  let failure: Error | null = null;
  let drained: (() => void) | null = null;
  // An idle thread does not keep the process alive; one with calls under way (or building) does.
  const keepAlive = () => {
    if (pending.size > 0) worker.ref();
    else {
      worker.unref();
      drained?.();
    }
  };

  const ready = new Promise<string>((resolve, reject) => {
    const fail = (error: Error) => {
      failure ??= error;
      reject(failure);
      for (const call of pending.values()) call.reject(failure);
      pending.clear();
      drained?.();
    };
    worker.on('message', (reply: ModelReply) => {
      if ('ready' in reply) {
        size = reply.size;
        resolve(reply.modelId);
        keepAlive();
        return;
      }
      const call = pending.get(reply.id);
      pending.delete(reply.id);
      keepAlive();
      if ('error' in reply) call?.reject(new Error(`offline model thread: ${reply.error}`));
      else {
        size = reply.size;
        call?.resolve(reply);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the offline model thread stopped (exit code ${code})`)));
  });
  const modelId = await ready.catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });

  function call(request: ModelCall): Promise<{ answer?: ResponderAnswer }> {
    if (failure !== null) return Promise.reject(failure);
    const id = nextId++;
    const reply = new Promise<{ answer?: ResponderAnswer }>((resolve, reject) => {
      pending.set(id, { resolve, reject });
    });
    keepAlive();
    worker.postMessage({ ...request, id });
    return reply;
  }

  return {
    modelId,
    get size() {
      return size;
    },
    get failed() {
      return failure !== null;
    },
    async answer(context) {
      const { answer } = await call({ op: 'answer', context });
      if (answer === undefined) throw new Error('offline model thread: an answer without a body');
      return answer;
    },
    async learn(example) {
      await call({ op: 'learn', example });
    },
    async close() {
      if (pending.size > 0) await new Promise<void>((resolve) => (drained = resolve));
      await worker.terminate();
    },
  };
}
