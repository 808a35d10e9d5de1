import { correctionFilterSchema, exportFormatSchema } from '@hitl/shared/rest';
import { z } from 'zod';
import type { ExportCounts, ExportTally } from './dataset-tally';

export {
  createExportTally,
  type ExportCounts,
  type ExportTally,
  tallyExample,
  topicOf,
} from './dataset-tally';

/** OpenAI refuses a fine-tuning file with fewer examples; other trainers have similar floors. */
export const MIN_TRAINING_EXAMPLES = 10;

const countsSchema: z.ZodType<ExportCounts> = z.strictObject({
  /** Corrections that matched the filters. */
  read: z.number().int().min(0),
  /** Examples written, train and validation together. */
  written: z.number().int().min(0),
  train: z.number().int().min(0),
  validation: z.number().int().min(0),
  /** Same normalised question and corrected reply as an earlier example. */
  duplicates: z.number().int().min(0),
  /** Question and reply nearly the same as an earlier example's. */
  nearDuplicates: z.number().int().min(0),
  /** Records the format's schema refused (left out). */
  invalid: z.number().int().min(0),
});

export const datasetFileSchema = z.strictObject({
  split: z.enum(['train', 'validation']),
  /** The file name, next to the manifest. */
  file: z.string(),
  examples: z.number().int().min(0),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type DatasetFile = z.infer<typeof datasetFileSchema>;

/** `<out-stem>.manifest.json`: what was exported, how, and the checksum of each file. */
export const datasetManifestSchema = z.strictObject({
  format: exportFormatSchema,
  createdAt: z.iso.datetime(),
  filters: correctionFilterSchema,
  redaction: z.boolean(),
  deduplication: z.boolean(),
  validationFraction: z.number().min(0).max(1),
  counts: countsSchema,
  /** Written examples per topic of the corrected reply (`unknown` when it has none). */
  topics: z.record(z.string(), z.number().int()),
  /** Written examples per reason tag; an example with two reasons counts for both. */
  reasons: z.record(z.string(), z.number().int()),
  warnings: z.array(z.string()),
  files: z.array(datasetFileSchema),
});
export type DatasetManifest = z.infer<typeof datasetManifestSchema>;

/** What the person exporting should know before uploading the files. */
export function exportWarnings(
  format: DatasetManifest['format'],
  tally: ExportCounts,
  validationFraction: number,
): string[] {
  const warnings: string[] = [];
  if (format !== 'csv' && tally.train < MIN_TRAINING_EXAMPLES) {
    warnings.push(
      `Only ${tally.train} training examples: fine-tuning trainers will refuse this file ` +
        `(OpenAI requires at least ${MIN_TRAINING_EXAMPLES} examples).`,
    );
  }
  if (tally.invalid > 0) {
    warnings.push(`${tally.invalid} corrections did not make valid ${format} records and were left out.`);
  }
  if (validationFraction > 0 && tally.written > 0 && tally.validation === 0) {
    warnings.push('No conversation fell in the validation split: the validation file is empty.');
  }
  return warnings;
}

/** The manifest in a fixed key order, topics and reasons sorted: the same data gives the same text. */
export function buildManifest(
  input: Omit<DatasetManifest, 'counts' | 'topics' | 'reasons'> & { tally: ExportTally },
): DatasetManifest {
  const { topics, reasons, ...counts } = input.tally;
  return {
    format: input.format,
    createdAt: input.createdAt,
    filters: input.filters,
    redaction: input.redaction,
    deduplication: input.deduplication,
    validationFraction: input.validationFraction,
    counts: { ...counts },
    topics: sortKeys(topics),
    reasons: sortKeys(reasons),
    warnings: input.warnings,
    files: input.files,
  };
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
