import type { Writable } from 'node:stream';
import type { Config } from '../config';
import { createExportTally, type ExportTally, exportWarnings } from '../domain/dataset-manifest';
import { type ExportOptions, exportDataset } from '../services/export-dataset';
import { openStore } from '../store/open-store';
import type { Store } from '../store/store';
import { writeDatasetFiles } from './dataset-files';
import { type ExportFlags, parseExportFlags } from './export-options';
import { startExportProgress } from './export-progress';

export type { ExportFlags } from './export-options';

/**
 * Writes the dataset to --out (with `--val`, a validation file beside it) and a manifest, atomically,
 * or a single file to standard output. The summary and warnings go to standard error. Ctrl-C stops
 * the export and removes what was written.
 */
export async function runExportCommand(config: Config, flags: ExportFlags): Promise<number> {
  const systemPrompt = `You are the customer support assistant of ${config.SITE_NAME}. Answer briefly, kindly and only with facts you are sure of.`;
  const parsed = parseExportFlags(flags, systemPrompt);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  const { options, out, quiet } = parsed.request;
  const store = await openStore(config);
  const abort = new AbortController();
  const stop = () => abort.abort(new Error('Export interrupted; nothing was written.'));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const progress = startExportProgress({ stream: process.stderr, quiet });
  try {
    const summary = out
      ? await toFiles(store, options, out, progress.update, abort.signal)
      : await toStream(store, options, process.stdout, progress.update, abort.signal);
    progress.stop();
    for (const warning of summary.warnings) process.stderr.write(`Warning: ${warning}\n`);
    if (!quiet) process.stderr.write(`${summary.line}\n`);
    return 0;
  } finally {
    progress.stop();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await store.close();
  }
}

interface Summary {
  line: string;
  warnings: string[];
}

async function toFiles(
  store: Store,
  options: ExportOptions,
  out: string,
  onProgress: (tally: ExportTally) => void,
  signal: AbortSignal,
): Promise<Summary> {
  const manifest = await writeDatasetFiles(store, options, { out, onProgress, signal });
  const { counts } = manifest;
  const files = manifest.files.map((f) => `${f.file} (${f.examples})`).join(', ');
  return {
    line:
      `Exported ${counts.written} corrections as ${options.format} to ${files}; ` +
      `${counts.read} read, ${counts.duplicates} duplicates and ${counts.nearDuplicates} near-duplicates left out.`,
    warnings: manifest.warnings,
  };
}

async function toStream(
  store: Store,
  options: ExportOptions,
  output: Writable,
  onProgress: (tally: ExportTally) => void,
  signal: AbortSignal,
): Promise<Summary> {
  const tally = createExportTally();
  for await (const { data } of exportDataset(store, options, tally)) {
    signal.throwIfAborted();
    if (!output.write(data)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
    onProgress(tally);
  }
  return {
    line:
      `Exported ${tally.written} corrections as ${options.format}; ` +
      `${tally.read} read, ${tally.duplicates} duplicates and ${tally.nearDuplicates} near-duplicates left out.`,
    warnings: exportWarnings(options.format, tally, options.validationFraction),
  };
}
