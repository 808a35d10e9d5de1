import type { Correction } from '@hitl/shared/models';
import type { DatasetSplit } from './dataset-split';

/** What an export counted (the manifest's `counts`). */
export interface ExportCounts {
  /** Corrections that matched the filters. */
  read: number;
  /** Examples written, train and validation together. */
  written: number;
  train: number;
  validation: number;
  /** Same normalised question and corrected reply as an earlier example. */
  duplicates: number;
  /** Question and reply nearly the same as an earlier example's. */
  nearDuplicates: number;
  /** Records the format's rules refused (left out). */
  invalid: number;
}

/** Running counts of an export, filled in as the corrections stream past. */
export interface ExportTally extends ExportCounts {
  topics: Record<string, number>;
  reasons: Record<string, number>;
}

export function createExportTally(): ExportTally {
  return {
    read: 0,
    written: 0,
    train: 0,
    validation: 0,
    duplicates: 0,
    nearDuplicates: 0,
    invalid: 0,
    topics: {},
    reasons: {},
  };
}

/** Counts one written example. */
export function tallyExample(
  tally: ExportTally,
  correction: Pick<Correction, 'topic' | 'reasons'>,
  split: DatasetSplit,
): void {
  tally.written++;
  tally[split]++;
  const topic = topicOf(correction);
  tally.topics[topic] = (tally.topics[topic] ?? 0) + 1;
  for (const reason of correction.reasons) tally.reasons[reason] = (tally.reasons[reason] ?? 0) + 1;
}

/** The knowledge-base topic of the corrected reply, `unknown` when it had none. */
export function topicOf(correction: Pick<Correction, 'topic'>): string {
  return correction.topic || 'unknown';
}
