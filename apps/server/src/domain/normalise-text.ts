/**
 * Lower case, accents and apostrophes removed, everything but letters and digits turned into single spaces:
 * the form the explicit-request, sentiment and keyword detectors match phrases on.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
