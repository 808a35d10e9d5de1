import type { ContextTurn, Correction } from '@hitl/shared/models';
import type { ExportFormat } from '@hitl/shared/rest';
import { stringify } from 'csv-stringify/sync';

type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

export interface DatasetOptions {
  systemPrompt: string;
  /** How personal data is redacted from every text written (`redactPersonalData`); kept when absent. */
  redact?: (text: string) => string;
}

const keep = (text: string) => text;

function cleaner(options: DatasetOptions): (text: string) => string {
  return options.redact ?? keep;
}

/** The customer's last turn before the reply: the question the corrected reply answers. */
export function lastCustomerQuestion(context: readonly ContextTurn[]): string {
  for (let i = context.length - 1; i >= 0; i--) {
    const turn = context[i];
    if (turn?.role === 'customer') return turn.text;
  }
  return '';
}

function toChatMessages(context: ContextTurn[], options: DatasetOptions): ChatMessage[] {
  const clean = cleaner(options);
  const turns: ChatMessage[] = context.map((turn) => ({
    role: turn.role === 'customer' ? 'user' : 'assistant',
    content: clean(turn.text),
  }));
  return [{ role: 'system', content: options.systemPrompt }, ...turns];
}

/** What a record of a JSON Lines format is made of, and counted by: part of a correction. */
export type RecordSource = Pick<
  Correction,
  'conversationId' | 'context' | 'correctedText' | 'topic' | 'reasons'
> & {
  original: Pick<Correction['original'], 'text'>;
};

/** The `RecordSource` of a correction, on its own: less to copy when it is sent elsewhere. */
export function toRecordSource(correction: Correction): RecordSource {
  return {
    conversationId: correction.conversationId,
    context: correction.context,
    correctedText: correction.correctedText,
    topic: correction.topic,
    reasons: correction.reasons,
    original: { text: correction.original.text },
  };
}

/** One JSON-serialisable record per correction, in the trainer's format (see design.md). */
export function toExportRecord(
  format: Exclude<ExportFormat, 'csv'>,
  correction: RecordSource,
  options: DatasetOptions,
) {
  const clean = cleaner(options);
  const prompt = toChatMessages(correction.context, options);
  const chosen = { role: 'assistant' as const, content: clean(correction.correctedText) };
  // The original reply only appears in preference pairs: it is not redacted for nothing.
  const rejected = () => ({ role: 'assistant' as const, content: clean(correction.original.text) });
  switch (format) {
    case 'openai-chat':
      return { messages: [...prompt, chosen] };
    case 'openai-preference':
      return { input: { messages: prompt }, preferred_output: [chosen], non_preferred_output: [rejected()] };
    case 'trl-preference':
      return { prompt, chosen: [chosen], rejected: [rejected()] };
  }
}

export const csvColumns = [
  'id',
  'conversation_id',
  'message_id',
  'kind',
  'reasons',
  'question',
  'original',
  'corrected',
  'original_confidence',
  'responder',
  'model_id',
  'agent',
  'edit_distance',
  'time_spent_ms',
  'review_status',
  'reviewer',
  'created_at',
] as const;

/** The cells of one CSV row, in `csvColumns` order, before quoting. */
export function toCsvCells(correction: Correction, options: DatasetOptions): (string | number | null)[] {
  const clean = cleaner(options);
  return [
    correction.id,
    correction.conversationId,
    correction.messageId,
    correction.kind,
    correction.reasons.join('|'),
    clean(lastCustomerQuestion(correction.context)),
    clean(correction.original.text),
    clean(correction.correctedText),
    correction.original.confidence,
    correction.original.responder,
    correction.original.modelId,
    correction.agent.name,
    correction.editDistance,
    correction.timeSpentMs,
    correction.review.status,
    correction.review.reviewer?.name ?? null,
    correction.createdAt,
  ];
}

/** One CSV line (with its newline) for analysts. */
export function toCsvRow(correction: Correction, options: DatasetOptions): string {
  return formatCsvRow(toCsvCells(correction, options));
}

/**
 * RFC 4180 with CRLF records; any line break is quoted (a lone LF too), and a cell that a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with a quote mark.
 */
const csvOptions = { escape_formulas: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

export function formatCsvRow(cells: readonly (string | number | null)[]): string {
  return stringify([cells as (string | number | null)[]], csvOptions);
}

export function csvHeader(): string {
  return formatCsvRow(csvColumns);
}
