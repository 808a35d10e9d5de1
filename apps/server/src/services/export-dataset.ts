import type { Correction } from '@hitl/shared/models';
import type { CorrectionFilter, ExportFormat } from '@hitl/shared/rest';
import {
  csvColumns,
  csvHeader,
  type DatasetOptions,
  formatCsvRow,
  lastCustomerQuestion,
  toCsvCells,
  toExportRecord,
} from '../domain/dataset';
import { createDeduplicator, type Deduplicator } from '../domain/dataset-deduplicator';
import { createExportTally, type ExportTally, tallyExample } from '../domain/dataset-manifest';
import { createDatasetRedactor } from '../domain/dataset-redaction';
import { csvRecordSchema, datasetRecordSchemas } from '../domain/dataset-schemas';
import { assignSplit, type DatasetSplit } from '../domain/dataset-split';
import type { Store } from '../store/store';

export interface ExportOptions {
  format: ExportFormat;
  filter: CorrectionFilter;
  redact: boolean;
  /** Leaves out duplicates and near-duplicates of earlier examples (the oldest is kept). */
  dedup: boolean;
  /** Share of conversations whose examples go to validation; 0 writes a single file. */
  validationFraction: number;
  systemPrompt: string;
}

/** One line of a dataset file (with its newline) and the file it belongs to. */
export interface ExportLine {
  split: DatasetSplit;
  text: string;
}

/**
 * Streams a dataset, oldest correction first, read through the store's cursor so memory stays flat
 * whatever the size: each correction is redacted, checked against the examples already kept,
 * turned into a record of the format, checked against the format's schema and sent to its split.
 * A CSV header opens each file. `tally` is kept up to date for progress and the manifest.
 */
export async function* exportDataset(
  store: Store,
  options: ExportOptions,
  tally: ExportTally = createExportTally(),
): AsyncGenerator<ExportLine> {
  const redactor = createDatasetRedactor();
  const recordOptions: DatasetOptions = {
    systemPrompt: options.systemPrompt,
    redact: options.redact,
    redactor,
  };
  const clean = (text: string) => (options.redact ? redactor(text) : text);
  const deduplicator = options.dedup ? createDeduplicator() : null;
  const toLine = lineMaker(options.format, recordOptions);
  if (options.format === 'csv') {
    yield { split: 'train', text: csvHeader() };
    if (options.validationFraction > 0) yield { split: 'validation', text: csvHeader() };
  }
  for await (const correction of store.iterateCorrections(options.filter)) {
    tally.read++;
    if (deduplicator && isRepeat(deduplicator, correction, clean, tally)) continue;
    const text = toLine(correction);
    if (text === null) {
      tally.invalid++;
      continue;
    }
    const split = assignSplit(correction.conversationId, options.validationFraction);
    tallyExample(tally, correction, split);
    yield { split, text };
  }
}

function isRepeat(
  deduplicator: Deduplicator,
  correction: Correction,
  clean: (text: string) => string,
  tally: ExportTally,
): boolean {
  const verdict = deduplicator.classify(
    clean(lastCustomerQuestion(correction.context)),
    clean(correction.correctedText),
  );
  if (verdict === 'duplicate') tally.duplicates++;
  else if (verdict === 'near_duplicate') tally.nearDuplicates++;
  return verdict !== 'unique';
}

/** The line of a correction in the format, or null when the record fails the format's schema. */
function lineMaker(format: ExportFormat, options: DatasetOptions): (correction: Correction) => string | null {
  if (format === 'csv') {
    return (correction) => {
      const cells = toCsvCells(correction, options);
      const asText = cells.map((cell) => (cell === null ? '' : String(cell)));
      return cells.length === csvColumns.length && csvRecordSchema.safeParse(asText).success
        ? formatCsvRow(cells)
        : null;
    };
  }
  const schema = datasetRecordSchemas[format];
  return (correction) => {
    const record = toExportRecord(format, correction, options);
    return schema.safeParse(record).success ? `${JSON.stringify(record)}\n` : null;
  };
}
