/** A piece of message text: plain text, or a web address to show as a link. */
export type TextPart = { text: string; href?: undefined } | { text: string; href: string };

/**
 * Candidate addresses: only `http://` and `https://` (so `javascript:`, `data:` and the like stay text),
 * up to whitespace, quotes or angle brackets, without trailing punctuation that usually ends a sentence.
 */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]}]/gi;

/**
 * Splits message text into plain parts and links. A link's `href` is the address as the URL parser
 * normalises it, and only kept when its scheme is still http(s); anything else stays text.
 */
export function findLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const href = safeHref(match[0]);
    if (!href) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: match[0], href });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
