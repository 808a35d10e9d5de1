import { redactSensitiveData } from './signals/sensitive-data';

/** Personal data redaction applied to every exported text. Replacements name what was removed. */
export function redactPersonalData(text: string): string {
  return redactSensitiveData(text);
}
