import { parentPort, workerData } from 'node:worker_threads';
import type { ModelReply, ModelRequest, ModelThreadInput } from './offline-model-thread';
import { createOfflineResponder } from './offline-responder';

/**
 * The offline model in a worker thread (see `startOfflineModelThread`): built here from the articles and
 * learned examples it is given, so the seconds of training never hold up the thread that serves
 * customers; then it answers and learns on request, one message at a time, in order.
 *
 * What this asks of the model, through its public interface only: `createOfflineResponder({ articles,
 * learned })` trains the learned examples in fully (it is also the retrain), answers are plain data (they
 * cross threads by structured clone), and its code bundles with esbuild at build time (no native addons;
 * files read relative to a module through `import.meta.url` are found, see `scripts/build-server.ts`).
 */
const port = parentPort;
if (port === null) throw new Error('offline-model-worker.ts runs in a worker thread');
const input = workerData as ModelThreadInput;
// Only a test sets it: the build waits here, as if training took that long.
if (input.hold !== undefined) Atomics.wait(input.hold, 0, 0);
const responder = createOfflineResponder({ articles: input.articles, learned: input.learned });
port.postMessage({ ready: true, size: responder.size, modelId: responder.modelId } satisfies ModelReply);

const handle = async (request: ModelRequest): Promise<void> => {
  try {
    if (request.op === 'answer') {
      const answer = await responder.answer(request.context);
      port.postMessage({ id: request.id, answer, size: responder.size } satisfies ModelReply);
    } else {
      await responder.learn(request.example);
      port.postMessage({ id: request.id, size: responder.size } satisfies ModelReply);
    }
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    port.postMessage({ id: request.id, error: message } satisfies ModelReply);
  }
};

// One request at a time, in order, even if the model's methods ever await: an answer asked after a learn
// must see what was learned.
let queue: Promise<void> = Promise.resolve();
port.on('message', (request: ModelRequest) => {
  queue = queue.then(() => handle(request));
});
