import type { Correction } from '@hitl/shared/models';
import type { ExportFormat } from '@hitl/shared/rest';
import { redactPersonalData } from './redact';

/**
 * Every detector behind `redactPersonalData` needs an ASCII digit (cards, IBANs, identity and phone
 * numbers), an `@` (e-mail) or a password keyword (password, passwd, pwd, passcode, pin …) to match.
 * A text with none of them comes back unchanged, without running a dozen regular expressions.
 */
const mayHoldPersonalData = /[0-9@]|p(?:ass|wd|in)/i;

/** Recent texts remembered: a conversation's earlier turns come back with each of its corrections. */
const RECENT_TEXTS = 16;

/**
 * `redactPersonalData` for a whole export: the same result, faster. Exports redact the same texts
 * again and again (a conversation's earlier turns are the context of each of its corrections, which
 * come one after the other), so the last 16 texts and their redactions are kept and compared first.
 * (A map of thousands of texts was measured slower than redacting again: each new text read from
 * the store has to be hashed to be looked up.)
 */
export function createDatasetRedactor(): (text: string) => string {
  const texts: string[] = new Array(RECENT_TEXTS).fill('');
  const redactions: string[] = new Array(RECENT_TEXTS).fill('');
  let next = 0;
  return (text) => {
    if (!mayHoldPersonalData.test(text)) return text;
    for (let i = 0; i < RECENT_TEXTS; i++) if (texts[i] === text) return redactions[i] as string;
    const redacted = redactPersonalData(text);
    texts[next] = text;
    redactions[next] = redacted;
    next = (next + 1) % RECENT_TEXTS;
    return redacted;
  };
}

/**
 * Redacts personal data from every text of a correction that an export of the format writes: the
 * conversation so far, the corrected reply and, where the format has it, the original reply (agent
 * and reviewer names are not the customer's data and stay). In place: the rows an export reads from
 * the store are its own, and copying them would double what the export allocates.
 */
export function createCorrectionRedactor(format: ExportFormat): (correction: Correction) => Correction {
  const redact = createDatasetRedactor();
  const withOriginal = format !== 'openai-chat';
  return (correction) => {
    for (const turn of correction.context) turn.text = redact(turn.text);
    correction.correctedText = redact(correction.correctedText);
    if (withOriginal) correction.original.text = redact(correction.original.text);
    return correction;
  };
}
