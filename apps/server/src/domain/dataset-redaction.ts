import type { Correction } from '@hitl/shared/models';
import type { ExportFormat } from '@hitl/shared/rest';
import { redactPersonalData } from './redact';

/**
 * Redacts personal data from every text of a correction that an export of the format writes: the
 * conversation so far, the corrected reply and, where the format has it, the original reply (agent
 * and reviewer names are not the customer's data and stay). In place: the rows an export reads from
 * the store are its own, and copying them would double what the export allocates.
 *
 * Each text goes straight to `redactPersonalData`, whose text profile already skips the detectors a
 * text cannot match. A pre-check for digits, `@` and password words and a ring of the last 16 texts
 * stood in front of it; measured without them (`bench/README.md`, "Export"), together they saved about
 * 1.7 µs of the main thread's 17 per row, while the export is bound by its worker thread, so they went.
 */
export function createCorrectionRedactor(format: ExportFormat): (correction: Correction) => Correction {
  const withOriginal = format !== 'openai-chat';
  return (correction) => {
    for (const turn of correction.context) turn.text = redactPersonalData(turn.text);
    correction.correctedText = redactPersonalData(correction.correctedText);
    if (withOriginal) correction.original.text = redactPersonalData(correction.original.text);
    return correction;
  };
}
