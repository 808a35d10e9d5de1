import { redactPersonalData } from './redact';

/**
 * Every detector behind `redactPersonalData` needs an ASCII digit (cards, IBANs, identity and phone
 * numbers), an `@` (e-mail) or a password keyword (password, passwd, pwd, passcode, pin …) to match.
 * A text with none of them comes back unchanged, without running a dozen regular expressions.
 */
const mayHoldPersonalData = /[0-9@]|p(?:ass|wd|in)/i;

/** Texts remembered per export: bot replies from the knowledge base and earlier turns come back often. */
const CACHE_ENTRIES = 4096;
/** Longer texts are rare and seldom repeated; they are not worth the memory. */
const CACHEABLE_LENGTH = 2000;

/**
 * `redactPersonalData` for a whole export: the same result, faster. Exports redact the same texts
 * many times (a conversation's earlier turns are the context of each of its corrections, and bot
 * replies repeat), so results are kept in a small first-in-first-out cache.
 */
export function createDatasetRedactor(): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    if (!mayHoldPersonalData.test(text)) return text;
    if (text.length > CACHEABLE_LENGTH) return redactPersonalData(text);
    const known = cache.get(text);
    if (known !== undefined) return known;
    const redacted = redactPersonalData(text);
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(text, redacted);
    return redacted;
  };
}
