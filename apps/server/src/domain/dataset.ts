import type { ContextTurn, Correction } from '@hitl/shared/models';
import type { ExportFormat } from '@hitl/shared/rest';
import { redactPersonalData } from './redact';

type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

export interface DatasetOptions {
  systemPrompt: string;
  redact: boolean;
}

function toChatMessages(context: ContextTurn[], options: DatasetOptions): ChatMessage[] {
  const clean = (t: string) => (options.redact ? redactPersonalData(t) : t);
  const turns: ChatMessage[] = context.map((turn) => ({
    role: turn.role === 'customer' ? 'user' : 'assistant',
    content: clean(turn.text),
  }));
  return [{ role: 'system', content: options.systemPrompt }, ...turns];
}

/** The prompt messages (system + context) and the corrected / original assistant replies of one correction. */
function parts(correction: Correction, options: DatasetOptions) {
  const clean = (t: string) => (options.redact ? redactPersonalData(t) : t);
  return {
    prompt: toChatMessages(correction.context, options),
    chosen: { role: 'assistant' as const, content: clean(correction.correctedText) },
    rejected: { role: 'assistant' as const, content: clean(correction.original.text) },
  };
}

/** One JSON-serialisable record per correction, in the trainer's format (see design.md). */
export function toExportRecord(
  format: Exclude<ExportFormat, 'csv'>,
  correction: Correction,
  options: DatasetOptions,
) {
  const { prompt, chosen, rejected } = parts(correction, options);
  switch (format) {
    case 'openai-chat':
      return { messages: [...prompt, chosen] };
    case 'openai-preference':
      return { input: { messages: prompt }, preferred_output: [chosen], non_preferred_output: [rejected] };
    case 'trl-preference':
      return { prompt, chosen: [chosen], rejected: [rejected] };
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

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (with its newline) for analysts. */
export function toCsvRow(correction: Correction, options: DatasetOptions): string {
  const clean = (t: string) => (options.redact ? redactPersonalData(t) : t);
  const question = [...correction.context].reverse().find((t) => t.role === 'customer')?.text ?? '';
  const cells = [
    correction.id,
    correction.conversationId,
    correction.messageId,
    correction.kind,
    correction.reasons.join('|'),
    clean(question),
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
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csvHeader(): string {
  return `${csvColumns.join(',')}\r\n`;
}
