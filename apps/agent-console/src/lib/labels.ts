import type { CorrectionKind, CorrectionReason } from '@hitl/shared/models';
import type { ExportFormat } from '@hitl/shared/rest';

/** Keyed by the shared enums, so a new reason or format fails the type check until it has a label. */
export const correctionReasonLabels: Record<CorrectionReason, string> = {
  wrong_fact: 'Wrong fact',
  incomplete: 'Incomplete',
  tone: 'Tone',
  policy: 'Policy',
  should_escalate: 'Should escalate',
  other: 'Other',
};

export const correctionKindLabels: Record<CorrectionKind, string> = {
  edited_draft: 'Edited draft',
  rejected_draft: 'Rejected draft',
  rewritten_reply: 'Rewritten reply',
  human_answer: 'Human answer',
};

export const exportFormatLabels: Record<ExportFormat, string> = {
  'openai-chat': 'OpenAI chat (JSONL)',
  'openai-preference': 'OpenAI preference (JSONL)',
  'trl-preference': 'TRL preference (JSONL)',
  csv: 'CSV',
};

export function keysOf<K extends string>(record: Record<K, unknown>): K[] {
  return Object.keys(record) as K[];
}
