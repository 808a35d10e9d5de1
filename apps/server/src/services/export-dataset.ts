import type { CorrectionFilter, ExportFormat } from '@hitl/shared/rest';
import { csvHeader, toCsvRow, toExportRecord } from '../domain/dataset';
import type { Store } from '../store/store';

export interface ExportOptions {
  format: ExportFormat;
  filter: CorrectionFilter;
  redact: boolean;
  systemPrompt: string;
}

/**
 * Streams a dataset: one line per correction (a CSV header first for csv), read through the
 * store's cursor so memory stays flat whatever the size.
 */
export async function* exportDataset(store: Store, options: ExportOptions): AsyncGenerator<string> {
  const recordOptions = { systemPrompt: options.systemPrompt, redact: options.redact };
  if (options.format === 'csv') yield csvHeader();
  for await (const correction of store.iterateCorrections(options.filter)) {
    if (options.format === 'csv') yield toCsvRow(correction, recordOptions);
    else yield `${JSON.stringify(toExportRecord(options.format, correction, recordOptions))}\n`;
  }
}
