import { findSensitiveData, type SensitiveFinding } from './sensitive-data';

/**
 * A customer's message as it is stored: every card number masked to its last four digits (`•••• 1111`), so
 * no full card number is ever stored, shown to agents, logged or exported. The findings are those of the
 * original text, so the escalation policy still knows a card was sent.
 */
export function maskCardNumbers(text: string): { text: string; findings: SensitiveFinding[] } {
  const findings = findSensitiveData(text);
  let out = '';
  let cursor = 0;
  for (const { kind, start, end } of findings) {
    if (kind !== 'card') continue;
    const digits = text.slice(start, end).replace(/\D/g, '');
    out += `${text.slice(cursor, start)}•••• ${digits.slice(-4)}`;
    cursor = end;
  }
  return { text: cursor === 0 ? text : out + text.slice(cursor), findings };
}
