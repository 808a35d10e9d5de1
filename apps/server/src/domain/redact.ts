/** Personal data redaction applied to every exported text. Replacements name what was removed. */
const rules: [RegExp, string][] = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[EMAIL]'],
  [/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g, '[IBAN]'],
  [/\b(?:\d[ -]?){12,18}\d\b/g, '[CARD]'],
  [/(?:\+|\b00)\d{1,3}[ .-]?(?:\(?\d{1,4}\)?[ .-]?){2,5}\d{2,4}\b/g, '[PHONE]'],
  [/\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b/g, '[PHONE]'],
  [/\b\d{3}-\d{2}-\d{4}\b/g, '[NATIONAL_ID]'],
  [/\b(password|passwort|pwd|passcode)\s*(?:is|:|=)?\s*\S+/gi, '$1 [PASSWORD]'],
];

export function redactPersonalData(text: string): string {
  let out = text;
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  return out;
}
