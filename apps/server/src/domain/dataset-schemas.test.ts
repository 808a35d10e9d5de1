import type { Correction } from '@hitl/shared/models';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvHeader, toCsvRow, toExportRecord } from './dataset';
import { isTrainableRecord } from './dataset-record-checks';
import {
  csvRecordSchema,
  datasetRecordSchemas,
  openAiChatRecordSchema,
  openAiPreferenceRecordSchema,
  trlPreferenceRecordSchema,
} from './dataset-schemas';
import { redactPersonalData } from './redact';

const correction: Correction = {
  id: 'cor_1',
  conversationId: 'conv_1',
  messageId: 'msg_2',
  context: [
    { role: 'customer', text: 'hi' },
    { role: 'bot', text: 'Hello! How can I help?' },
    { role: 'customer', text: 'how long does shipping take, "roughly"?\nthanks' },
  ],
  original: { text: 'Shipping takes 10 days.', confidence: 0.62, responder: 'offline', modelId: 'm1' },
  correctedText: 'Standard shipping takes 3–5 business days.',
  topic: 'shipping',
  kind: 'rewritten_reply',
  reasons: ['wrong_fact', 'incomplete'],
  note: null,
  agent: { id: 'a1', name: 'Sam' },
  editDistance: 30,
  timeSpentMs: 5000,
  createdAt: '2026-01-01T00:00:00.000Z',
  review: { status: 'approved', reviewer: null, at: null, note: null, edited: false },
};
const options = { systemPrompt: 'You are support.', redact: redactPersonalData };
const user = (content: string) => ({ role: 'user', content });
const assistant = (content: string) => ({ role: 'assistant', content });

describe('openAiChatRecordSchema', () => {
  it('accepts what the exporter writes', () => {
    expect(openAiChatRecordSchema.safeParse(toExportRecord('openai-chat', correction, options)).success).toBe(
      true,
    );
  });

  it.each([
    ['no messages', { messages: [] }],
    ['last message from the user', { messages: [assistant('hi'), user('thanks')] }],
    ['empty final reply', { messages: [user('q'), assistant('  ')] }],
    ['no user message', { messages: [{ role: 'system', content: 's' }, assistant('a')] }],
    ['an unknown role', { messages: [{ role: 'agent', content: 'x' }, user('q'), assistant('a')] }],
    ['a content that is not a string', { messages: [user('q'), { role: 'assistant', content: 3 }] }],
    ['an extra key', { messages: [user('q'), assistant('a')], weight: 1 }],
  ])('refuses %s', (_, record) => {
    expect(openAiChatRecordSchema.safeParse(record).success).toBe(false);
  });
});

describe('preference schemas', () => {
  it('accept what the exporter writes', () => {
    const openAi = toExportRecord('openai-preference', correction, options);
    const trl = toExportRecord('trl-preference', correction, options);
    expect(openAiPreferenceRecordSchema.safeParse(openAi).success).toBe(true);
    expect(trlPreferenceRecordSchema.safeParse(trl).success).toBe(true);
  });

  it('refuse a pair whose replies are the same, or whose preferred reply is not the assistant', () => {
    const same = { ...correction, original: { ...correction.original, text: correction.correctedText } };
    expect(
      openAiPreferenceRecordSchema.safeParse(toExportRecord('openai-preference', same, options)).success,
    ).toBe(false);
    expect(trlPreferenceRecordSchema.safeParse(toExportRecord('trl-preference', same, options)).success).toBe(
      false,
    );
    expect(
      openAiPreferenceRecordSchema.safeParse({
        input: { messages: [user('q')] },
        preferred_output: [user('a')],
        non_preferred_output: [assistant('b')],
      }).success,
    ).toBe(false);
  });

  it('refuse an empty original reply', () => {
    const empty = { ...correction, original: { ...correction.original, text: '' } };
    expect(
      trlPreferenceRecordSchema.safeParse(toExportRecord('trl-preference', empty, options)).success,
    ).toBe(false);
  });
});

describe("the exporter's own record checks", () => {
  const variants: [string, Correction][] = [
    ['as written', correction],
    ['empty corrected reply', { ...correction, correctedText: '' }],
    ['blank corrected reply', { ...correction, correctedText: ' \n ' }],
    ['empty original reply', { ...correction, original: { ...correction.original, text: '' } }],
    [
      'original equal to the correction',
      { ...correction, original: { ...correction.original, text: correction.correctedText } },
    ],
    ['no conversation', { ...correction, context: [] }],
    ['no customer turn', { ...correction, context: [{ role: 'bot', text: 'Hello!' }] }],
    ['only the question', { ...correction, context: [{ role: 'customer', text: 'where is my parcel?' }] }],
  ];
  const formats = ['openai-chat', 'openai-preference', 'trl-preference'] as const;
  it.each(variants.flatMap(([name, variant]) => formats.map((format) => [name, format, variant] as const)))(
    '%s (%s): agree with the schema',
    (_name, format, variant) => {
      const record = toExportRecord(format, variant, options);
      expect(isTrainableRecord(record)).toBe(datasetRecordSchemas[format].safeParse(record).success);
    },
  );

  it('refuse some variants and accept others (the agreement is not vacuous)', () => {
    const verdicts = variants.flatMap(([, variant]) =>
      formats.map((format) => isTrainableRecord(toExportRecord(format, variant, options))),
    );
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });
});

describe('CSV', () => {
  it('parses back to a header and rows of one cell per column, quotes and line breaks included', () => {
    const text =
      csvHeader() + toCsvRow(correction, options) + toCsvRow({ ...correction, id: 'cor_2' }, options);
    const [header, ...rows] = parseCsv(text) as string[][];
    expect(header).toEqual(csvHeader().trim().split(','));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(csvRecordSchema.safeParse(row).success).toBe(true);
    expect(rows[0]?.[5]).toBe('how long does shipping take, "roughly"?\nthanks');
    expect(rows[0]?.[4]).toBe('wrong_fact|incomplete');
  });

  it.each([
    ['=HYPERLINK("http://evil.example")', `'=HYPERLINK("http://evil.example")`],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tcmd', "'\tcmd"],
    ['a lone\nline feed', 'a lone\nline feed'],
    ['plain text', 'plain text'],
  ])('a cell %j reads back as %j: formulas are defused for spreadsheets', (text, read) => {
    const row = toCsvRow({ ...correction, correctedText: text }, options);
    const [cells] = parseCsv(row) as string[][];
    expect(cells?.[7]).toBe(read);
  });
});
