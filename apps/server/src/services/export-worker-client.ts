import type { ExportTally } from '../domain/dataset-tally';
import { startWorkerThread } from '../lib/start-worker-thread';
import type { ExportOptions, ExportText, StageRow } from './export-stage';

/** What a batch gives back: its lines and the tally of the whole export so far. */
export interface ExportBatchResult {
  texts: ExportText[];
  tally: ExportTally;
}

/** An export stage running in a worker thread. */
export interface ExportWorker {
  /** Sends a batch of (redacted) corrections; batches are answered in the order they were sent. */
  run(rows: StageRow[]): Promise<ExportBatchResult>;
  /** Stops the thread; a batch still under way is dropped. */
  close(): Promise<void>;
}

type WorkerReply = ExportBatchResult | { error: string };

/**
 * The worker's young generation: its garbage (a batch and its lines) is small and short-lived, and a
 * small young generation keeps its heap small (measured: the export's peak RSS is lower by about as
 * much as the limit is below the default).
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/**
 * Starts a worker thread that runs `createExportStage(options)` on the batches it is sent, so that
 * duplicate detection and formatting run beside the thread that reads the store, redacts and
 * writes. A failure in the thread (an error thrown by a batch, the thread dying, its code failing
 * to load) rejects the batch under way and every later one.
 */
export function startExportWorker(options: ExportOptions): ExportWorker {
  const pending: { resolve: (result: ExportBatchResult) => void; reject: (error: Error) => void }[] = [];
  let failure: Error | null = null;
  let closed = false;
  const fail = (error: Error) => {
    failure ??= error;
    for (const batch of pending.splice(0)) batch.reject(failure);
  };
  const started = Promise.resolve().then(() => {
    if (closed) return null;
    const worker = startWorkerThread('export-worker', new URL('./export-worker.ts', import.meta.url), {
      workerData: options,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    worker.on('message', (reply: WorkerReply) => {
      const batch = pending.shift();
      if (batch === undefined) return;
      if ('error' in reply) {
        const error = new Error(`export worker: ${reply.error}`);
        batch.reject(error);
        fail(error);
      } else {
        batch.resolve(reply);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the export worker stopped (exit code ${code})`)));
    return worker;
  });
  started.catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
  return {
    run(rows) {
      const result = new Promise<ExportBatchResult>((resolve, reject) => {
        if (failure !== null) {
          reject(failure);
          return;
        }
        pending.push({ resolve, reject });
        void started.then(
          (worker) => worker?.postMessage(rows),
          () => {},
        );
      });
      // A batch still under way when the export stops is never awaited: its rejection is not an error.
      result.catch(() => {});
      return result;
    },
    async close() {
      closed = true;
      const worker = await started.catch(() => null);
      await worker?.terminate();
    },
  };
}
