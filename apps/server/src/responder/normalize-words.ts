/** Chat shorthand expanded before anything else, so "pls reset my pw" reads like "please reset my password". */
const shorthand: Record<string, string> = {
  u: 'you',
  ur: 'your',
  r: 'are',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  ty: 'thanks',
  pw: 'password',
  pwd: 'password',
  acct: 'account',
  giftcard: 'gift card',
  giftcards: 'gift cards',
  ecard: 'e card',
  info: 'information',
  asap: 'soon',
  w: 'with',
  wk: 'week',
  wks: 'weeks',
};

/**
 * Lowercases, strips accents and punctuation and splits into words.
 * Apostrophes and in-word hyphens are dropped rather than split on ("didn't" → "didnt", "e-mail" → "email"),
 * so contractions and compounds stay one word whatever way the customer typed them.
 */
export function normalizeWords(text: string): string[] {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`´]/g, '')
    .replace(/([a-z])-(?=[a-z])/g, '$1')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (cleaned === '') return [];
  const words: string[] = [];
  for (const word of cleaned.split(' ')) {
    const expanded = shorthand[word];
    if (expanded === undefined) words.push(word);
    else words.push(...expanded.split(' '));
  }
  return words;
}
