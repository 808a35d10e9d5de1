/** A `/word` being typed at the caret: where it starts and the letters typed after the slash. */
export interface SlashQuery {
  start: number;
  query: string;
}

/**
 * The canned-response query at the caret: a `/` at the start of the text or after a space or line break,
 * followed by shortcut characters up to the caret. A slash inside a word (a URL, "and/or") is not one.
 */
export function slashQueryAt(text: string, caret: number): SlashQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([a-z0-9-]*)$/i.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query: query.toLowerCase() };
}

/** The text with the `/query` replaced by `insert`; returns it and the caret after the insertion. */
export function replaceSlashQuery(
  text: string,
  caret: number,
  slash: SlashQuery,
  insert: string,
): { text: string; caret: number } {
  const next = text.slice(0, slash.start) + insert + text.slice(caret);
  return { text: next, caret: slash.start + insert.length };
}
