import { SingleBar } from 'cli-progress';
import type { ExportTally } from '../domain/dataset-manifest';

export interface ExportProgress {
  update(tally: ExportTally): void;
  stop(): void;
}

const silent: ExportProgress = { update() {}, stop() {} };

/**
 * A live line on standard error with the rows read and written and the rate, for people watching
 * a terminal: nothing when standard error is not a terminal (scripts, logs) or when asked to be quiet.
 * The number of rows is not known in advance, so there is a count rather than a bar.
 */
export function startExportProgress(options: { stream: NodeJS.WriteStream; quiet: boolean }): ExportProgress {
  if (options.quiet || !options.stream.isTTY) return silent;
  const started = performance.now();
  const bar = new SingleBar({
    stream: options.stream,
    format: 'Exporting: {value} rows read, {written} written | {rate} rows/s | {duration_formatted}',
    hideCursor: true,
    clearOnComplete: true,
    fps: 5,
  });
  bar.start(0, 0, { written: 0, rate: 0 });
  return {
    update(tally) {
      const seconds = (performance.now() - started) / 1000;
      const rate = seconds > 0 ? Math.round(tally.read / seconds) : 0;
      bar.update(tally.read, { written: tally.written, rate });
    },
    stop() {
      bar.stop();
    },
  };
}
