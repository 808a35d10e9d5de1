import type { Article } from '../knowledge/knowledge-base';
import {
  type ModelThreadInput,
  type OfflineModelThread,
  startOfflineModelThread,
} from './offline-model-thread';
import type { LearnedExample, Responder, ResponderAnswer, ResponderContext } from './responder';

/** What one retrain did, for the log and for listeners. */
export interface RetrainReport {
  /** The version answers carry from now on. */
  version: string;
  /** Learned examples the new model was trained with (those learned during the retrain are on top). */
  trainedExamples: number;
  /** Learned examples applied on top of it because they came in while it was trained. */
  appliedOnTop: number;
  /** Training examples of the new model (articles' titles and examples, plus learned questions). */
  size: number;
  durationMs: number;
}

/** A responder whose model can be rebuilt from everything it learned without holding up answers. */
export interface RetrainableResponder extends Responder {
  /** Learned examples the current model took in only through `learn` (not yet through a full training). */
  readonly learnedSinceTraining: number;
  /**
   * Trains a new model and refits its calibration from the articles and every learned example, in
   * another thread while the current model keeps answering, then swaps it in. A call while a retrain
   * runs gets that retrain.
   */
  retrainInBackground(): Promise<RetrainReport>;
}

/** The offline model, answering from a worker thread and retrained in another one. */
export interface ThreadedOfflineResponder extends RetrainableResponder {
  /** `<modelId>+r<n>`: n counts the models built since start (0 is the first). */
  readonly version: string;
  readonly size: number;
  /** Stops the threads (a retrain under way is abandoned); calls already made are answered first. */
  close(): Promise<void>;
}

export interface ThreadedOfflineResponderOptions {
  articles: Article[];
  learned?: LearnedExample[];
  /** Starts one model thread; tests wrap the real one to hold a build open. */
  startModel?: (input: ModelThreadInput) => Promise<OfflineModelThread>;
  clock?: () => number;
}

interface ActiveModel {
  thread: OfflineModelThread;
  version: string;
}

export function isRetrainable(responder: Responder): responder is RetrainableResponder {
  return 'retrainInBackground' in responder && 'learnedSinceTraining' in responder;
}

export class ResponderClosedError extends Error {
  override name = 'ResponderClosedError';
}

/**
 * Starts the offline responder in a worker thread; resolves once its first model is built. Training
 * (seconds of synchronous work on a large knowledge base) always runs in a thread of its own, so the
 * event loop that serves customers never waits for it: while a retrain runs, the previous model keeps
 * answering, and the new one replaces it in one assignment once built. Examples learned during a
 * retrain are learned by the old model and, at the swap, by the new one before it answers anything.
 */
export async function startThreadedOfflineResponder(
  options: ThreadedOfflineResponderOptions,
): Promise<ThreadedOfflineResponder> {
  const startModel = options.startModel ?? startOfflineModelThread;
  const clock = options.clock ?? (() => performance.now());
  let articles = options.articles;
  /** Every learned example, with a revision that changes each time its id is learned again. */
  const learned = new Map<string, { example: LearnedExample; revision: number }>();
  let revision = 0;
  for (const example of options.learned ?? []) learned.set(example.id, { example, revision: ++revision });
  /** The revision of each learned example the current model was fully trained with. */
  let trained = revisionsOf(learned);
  let generation = 0;
  let closed = false;
  let running: Promise<RetrainReport> | null = null;
  let active: ActiveModel = await buildModel(generation);

  async function buildModel(at: number): Promise<ActiveModel> {
    const input = { articles, learned: [...learned.values()].map((entry) => entry.example) };
    const thread = await startModel(input);
    return { thread, version: `${thread.modelId}+r${at}` };
  }

  async function retrain(): Promise<RetrainReport> {
    const started = clock();
    const snapshot = revisionsOf(learned);
    const next = await buildModel(generation + 1);
    if (closed) {
      await next.thread.close();
      throw new ResponderClosedError('the responder was closed during a retrain');
    }
    // Posted before the swap, so the new thread learns them before any answer asked of it.
    let appliedOnTop = 0;
    for (const [id, entry] of learned) {
      if (snapshot.get(id) === entry.revision) continue;
      appliedOnTop++;
      next.thread.learn(entry.example).catch(() => {});
    }
    const previous = active;
    active = next;
    generation++;
    trained = snapshot;
    void previous.thread.close();
    return {
      version: next.version,
      trainedExamples: snapshot.size,
      appliedOnTop,
      size: next.thread.size,
      durationMs: clock() - started,
    };
  }

  function retrainInBackground(): Promise<RetrainReport> {
    if (closed) return Promise.reject(new ResponderClosedError('the responder is closed'));
    running ??= retrain().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    name: 'offline',
    modelId: active.thread.modelId,
    async answer(context: ResponderContext): Promise<ResponderAnswer> {
      const model = active;
      try {
        const answer = await model.thread.answer(context);
        return { ...answer, modelVersion: model.version };
      } catch (error) {
        // A thread that died answers nothing again: a replacement is built at once (this answer still
        // fails, and the bot escalates it as it does for any model failure).
        if (model.thread.failed && !closed) retrainInBackground().catch(() => {});
        throw error;
      }
    },
    async learn(example: LearnedExample): Promise<void> {
      learned.set(example.id, { example, revision: ++revision });
      await active.thread.learn(example);
    },
    async setArticles(next: Article[]): Promise<void> {
      articles = next;
      // A retrain under way was started from the old articles: the new ones need a build of their own.
      await running?.catch(() => {});
      await retrainInBackground();
    },
    retrainInBackground,
    get learnedSinceTraining(): number {
      let count = 0;
      for (const [id, entry] of learned) if (trained.get(id) !== entry.revision) count++;
      return count;
    },
    get version(): string {
      return active.version;
    },
    get size(): number {
      return active.thread.size;
    },
    async close(): Promise<void> {
      closed = true;
      await active.thread.close();
    },
  };
}

function revisionsOf(learned: Map<string, { revision: number }>): Map<string, number> {
  return new Map([...learned].map(([id, entry]) => [id, entry.revision]));
}
