import type { Correction } from '@hitl/shared/models';
import type { CorrectionFilter, ExportFormat } from '@hitl/shared/rest';
import {
  csvColumns,
  formatCsvRow,
  lastCustomerQuestion,
  type RecordSource,
  toCsvCells,
  toExportRecord,
  toRecordSource,
} from '../domain/dataset';
import { createDeduplicator, type Deduplicator } from '../domain/dataset-deduplicator';
import { isTrainableRecord } from '../domain/dataset-record-checks';
import { assignSplit, type DatasetSplit } from '../domain/dataset-split';
import { type ExportTally, tallyExample } from '../domain/dataset-tally';

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

/** Whole lines of a dataset file (each with its newline), UTF-8, and the file they belong to. */
export interface ExportChunk {
  split: DatasetSplit;
  data: Uint8Array;
}

/** The same before encoding. */
export interface ExportText {
  split: DatasetSplit;
  text: string;
}

/** What the stage reads of a correction: all of it for CSV (a column each), its record source otherwise. */
export type StageRow = Correction | RecordSource;

/** The rows to give the stage for a format: as little as the format needs, for the copy to the worker. */
export function stageRowsFor(format: ExportFormat): (correction: Correction) => StageRow {
  return format === 'csv' ? (correction) => correction : toRecordSource;
}

/** Turns corrections, oldest first and in batches, into the lines of a dataset. */
export interface ExportStage {
  /**
   * The lines of a batch, at most one text per split. Each correction (already redacted when the
   * export redacts) is checked against the examples already kept, turned into a record of the
   * format, checked against the format's rules and sent to its split; the tally counts it.
   */
  run(rows: readonly StageRow[]): ExportText[];
}

/**
 * The per-row work of an export after redaction, with its state (the examples already kept) and its
 * tally. It imports nothing but the dataset code, so that it can run in a small worker thread
 * (`export-worker.ts`) as well as in the caller's.
 */
export function createExportStage(options: ExportOptions, tally: ExportTally): ExportStage {
  const deduplicator = options.dedup ? createDeduplicator() : null;
  const toLine = lineMaker(options.format, options.systemPrompt);
  return {
    run(rows) {
      let train = '';
      let validation = '';
      for (const correction of rows) {
        tally.read++;
        if (deduplicator && isRepeat(deduplicator, correction, tally)) continue;
        const line = toLine(correction);
        if (line === null) {
          tally.invalid++;
          continue;
        }
        const split = assignSplit(correction.conversationId, options.validationFraction);
        tallyExample(tally, correction, split);
        if (split === 'train') train += line;
        else validation += line;
      }
      const texts: ExportText[] = [];
      if (train !== '') texts.push({ split: 'train', text: train });
      if (validation !== '') texts.push({ split: 'validation', text: validation });
      return texts;
    },
  };
}

function isRepeat(deduplicator: Deduplicator, correction: StageRow, tally: ExportTally): boolean {
  const verdict = deduplicator.classify(lastCustomerQuestion(correction.context), correction.correctedText);
  if (verdict === 'duplicate') tally.duplicates++;
  else if (verdict === 'near_duplicate') tally.nearDuplicates++;
  return verdict !== 'unique';
}

/** The line of a correction in the format, or null when trainers would refuse the record. */
function lineMaker(format: ExportFormat, systemPrompt: string): (row: StageRow) => string | null {
  const options = { systemPrompt };
  if (format === 'csv') {
    return (row) => {
      if (!('id' in row)) throw new Error('a CSV export needs whole corrections (see stageRowsFor)');
      const cells = toCsvCells(row, options);
      return cells.length === csvColumns.length ? formatCsvRow(cells) : null;
    };
  }
  return (correction) => {
    const record = toExportRecord(format, correction, options);
    return isTrainableRecord(record) ? `${JSON.stringify(record)}\n` : null;
  };
}
