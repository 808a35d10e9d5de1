import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  buildManifest,
  createExportTally,
  type DatasetFile,
  type DatasetManifest,
  type ExportTally,
  exportWarnings,
} from '../domain/dataset-manifest';
import type { DatasetSplit } from '../domain/dataset-split';
import { type ExportOptions, type ExportTuning, exportDataset } from '../services/export-dataset';
import type { Store } from '../store/store';

/** Where an export writes: `<out>`, `<out-stem>.val<ext>` and `<out-stem>.manifest.json`. */
export function datasetPaths(out: string): Record<DatasetSplit | 'manifest', string> {
  const ext = path.extname(out);
  const stem = ext === '' ? out : out.slice(0, -ext.length);
  return { train: out, validation: `${stem}.val${ext}`, manifest: `${stem}.manifest.json` };
}

export interface WriteTarget {
  out: string;
  /** Called after every batch of rows (and once at the end) with the running counts. */
  onProgress?: (tally: ExportTally) => void;
  /** How the rows are batched and whether a worker thread helps (see `exportDataset`). */
  tuning?: ExportTuning;
  /** Stops the export; what was written so far is removed. */
  signal?: AbortSignal;
  now?: () => Date;
}

/** What the file stream may hold before a write waits: the disk works while the next rows are made. */
const STREAM_BUFFER_BYTES = 1024 * 1024;

/**
 * Writes an export to its files atomically: everything goes to temporary files next to the targets,
 * which are renamed only once the last row is written, the manifest last of all. A failure at any
 * point (the store, the disk, an abort) removes the temporary files and leaves no half file and no
 * manifest. Returns the manifest, with the size and SHA-256 of each file.
 */
export async function writeDatasetFiles(
  store: Store,
  options: ExportOptions,
  target: WriteTarget,
): Promise<DatasetManifest> {
  const paths = datasetPaths(target.out);
  const splits: DatasetSplit[] = options.validationFraction > 0 ? ['train', 'validation'] : ['train'];
  const temporary = (file: string) =>
    path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const temporaries = [...splits.map((split) => temporary(paths[split])), temporary(paths.manifest)];
  const tally = createExportTally();
  const sinks = new Map<DatasetSplit, FileSink>();
  try {
    await mkdir(path.dirname(target.out), { recursive: true });
    for (const split of splits) sinks.set(split, await openSink(temporary(paths[split])));
    for await (const chunk of exportDataset(store, options, tally, target.tuning)) {
      target.signal?.throwIfAborted();
      const sink = sinks.get(chunk.split);
      if (sink === undefined) throw new Error(`no file for the ${chunk.split} split`);
      await sink.write(chunk.data);
      target.onProgress?.(tally);
    }
    target.signal?.throwIfAborted();
    target.onProgress?.(tally);
    const files: DatasetFile[] = [];
    for (const split of splits) {
      const sink = sinks.get(split);
      if (sink === undefined) continue;
      const { bytes, sha256 } = await sink.close();
      files.push({ split, file: path.basename(paths[split]), examples: tally[split], bytes, sha256 });
    }
    const manifest = buildManifest({
      format: options.format,
      createdAt: (target.now?.() ?? new Date()).toISOString(),
      filters: options.filter,
      redaction: options.redact,
      deduplication: options.dedup,
      validationFraction: options.validationFraction,
      tally,
      warnings: exportWarnings(options.format, tally, options.validationFraction),
      files,
    });
    await writeFile(temporary(paths.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const split of splits) await rename(temporary(paths[split]), paths[split]);
    await rename(temporary(paths.manifest), paths.manifest);
    return manifest;
  } catch (error) {
    for (const sink of sinks.values()) sink.destroy();
    await Promise.all(temporaries.map((file) => rm(file, { force: true })));
    throw error;
  }
}

interface FileSink {
  /** Writes a chunk, waiting when the stream is full. */
  write(data: Uint8Array): Promise<void>;
  close(): Promise<{ bytes: number; sha256: string }>;
  destroy(): void;
}

/** A file written chunk by chunk, hashed and measured on the way. */
async function openSink(file: string): Promise<FileSink> {
  const stream: WriteStream = createWriteStream(file, { flags: 'w', highWaterMark: STREAM_BUFFER_BYTES });
  // Kept from the start: an error between two awaits would otherwise be an uncaught 'error' event.
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure ??= error;
  });
  await once(stream, 'open');
  const hash: Hash = createHash('sha256');
  let bytes = 0;
  return {
    async write(data) {
      if (failure) throw failure;
      hash.update(data);
      bytes += data.byteLength;
      if (!stream.write(data)) await once(stream, 'drain');
    },
    async close() {
      if (failure) throw failure;
      const closed = once(stream, 'close');
      stream.end();
      await closed;
      if (failure) throw failure;
      return { bytes, sha256: hash.digest('hex') };
    },
    destroy() {
      stream.destroy();
    },
  };
}
