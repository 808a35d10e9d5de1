import { parentPort, workerData } from 'node:worker_threads';
import { createExportTally } from '../domain/dataset-tally';
import { createExportStage, type ExportOptions, type StageRow } from './export-stage';

/**
 * The export's per-row work in a worker thread (see `startExportWorker`): batches of redacted
 * rows come in, their lines and the running tally go back.
 */
const port = parentPort;
if (port === null) throw new Error('export-worker.ts runs in a worker thread');
const tally = createExportTally();
const stage = createExportStage(workerData as ExportOptions, tally);

port.on('message', (rows: StageRow[]) => {
  try {
    port.postMessage({ texts: stage.run(rows), tally });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
