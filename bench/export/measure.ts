import type { CorrectionFilter } from '@hitl/shared/rest';
import { writeDatasetFiles } from '../../apps/server/src/cli/dataset-files';
import type { DatasetManifest } from '../../apps/server/src/domain/dataset-manifest';
import type { ExportOptions, ExportTuning } from '../../apps/server/src/services/export-dataset';
import type { Store } from '../../apps/server/src/store/store';

export interface Measurement {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

/**
 * The floor any export stands on: the same rows read through the store's cursor and serialised,
 * to a sink that keeps nothing (only a byte count, so the work cannot be skipped).
 */
export async function measureBareRead(
  store: Store,
  filter: CorrectionFilter,
): Promise<Measurement & { bytes: number }> {
  const started = performance.now();
  let rows = 0;
  let bytes = 0;
  for await (const correction of store.iterateCorrections(filter)) {
    bytes += JSON.stringify(correction).length;
    rows++;
  }
  return { ...rate(rows, started), bytes };
}

/** The real export, through the function the CLI calls: redaction, dedup, validation, files, manifest. */
export async function measureExport(
  store: Store,
  options: ExportOptions,
  out: string,
  tuning: ExportTuning = {},
): Promise<Measurement & { manifest: DatasetManifest }> {
  const started = performance.now();
  const manifest = await writeDatasetFiles(store, options, { out, tuning });
  return { ...rate(manifest.counts.read, started), manifest };
}

function rate(rows: number, started: number): Measurement {
  const seconds = (performance.now() - started) / 1000;
  return { rows, seconds, rowsPerSecond: rows / seconds };
}
