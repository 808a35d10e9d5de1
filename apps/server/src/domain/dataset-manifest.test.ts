import type { Correction } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import {
  buildManifest,
  createExportTally,
  datasetManifestSchema,
  exportWarnings,
  MIN_TRAINING_EXAMPLES,
  tallyExample,
  topicOf,
} from './dataset-manifest';

const correction = (topic: string | null, reasons: Correction['reasons']) =>
  ({ topic, reasons }) as Pick<Correction, 'topic' | 'reasons'> as Correction;

describe('export tally and manifest', () => {
  it('counts written examples per split, topic (unknown when none) and reason', () => {
    const tally = createExportTally();
    tallyExample(tally, correction('shipping', ['wrong_fact', 'tone']), 'train');
    tallyExample(tally, correction(null, ['tone']), 'validation');
    tallyExample(tally, correction('', ['policy']), 'train');
    expect(tally).toMatchObject({ written: 3, train: 2, validation: 1 });
    expect(tally.topics).toEqual({ shipping: 1, unknown: 2 });
    expect(tally.reasons).toEqual({ wrong_fact: 1, tone: 2, policy: 1 });
    expect(topicOf(correction('returns', []))).toBe('returns');
  });

  it('builds a manifest that passes its schema, in a fixed key order', () => {
    const tally = createExportTally();
    tally.read = 3;
    tallyExample(tally, correction('b', ['tone']), 'train');
    tallyExample(tally, correction('a', ['other']), 'train');
    const manifest = buildManifest({
      format: 'openai-chat',
      createdAt: '2026-01-01T00:00:00.000Z',
      filters: { status: 'approved' },
      redaction: true,
      deduplication: true,
      validationFraction: 0,
      tally,
      warnings: [],
      files: [{ split: 'train', file: 'x.jsonl', examples: 2, bytes: 10, sha256: 'a'.repeat(64) }],
    });
    expect(datasetManifestSchema.safeParse(manifest).success).toBe(true);
    expect(Object.keys(manifest.topics)).toEqual(['a', 'b']);
    expect(Object.keys(manifest)).toEqual([
      'format',
      'createdAt',
      'filters',
      'redaction',
      'deduplication',
      'validationFraction',
      'counts',
      'topics',
      'reasons',
      'warnings',
      'files',
    ]);
  });
});

describe('exportWarnings', () => {
  const counts = (train: number, more: Partial<ReturnType<typeof createExportTally>> = {}) => ({
    ...createExportTally(),
    written: train,
    train,
    ...more,
  });

  it.each([
    ['openai-chat', MIN_TRAINING_EXAMPLES - 1, [/only 9 training examples.*OpenAI requires at least 10/i]],
    ['trl-preference', 0, [/only 0 training examples/i]],
    ['openai-chat', MIN_TRAINING_EXAMPLES, []],
    ['csv', 3, []],
  ] as const)('%s with %i examples', (format, train, expected) => {
    const warnings = exportWarnings(format, counts(train), 0);
    expect(warnings).toHaveLength(expected.length);
    for (const [i, pattern] of expected.entries()) expect(warnings[i]).toMatch(pattern);
  });

  it('says when records were left out as invalid and when validation came out empty', () => {
    const warnings = exportWarnings('openai-preference', counts(20, { invalid: 2 }), 0.1);
    expect(warnings).toEqual([
      '2 corrections did not make valid openai-preference records and were left out.',
      'No conversation fell in the validation split: the validation file is empty.',
    ]);
  });
});
