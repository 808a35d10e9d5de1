/** Takes the model's text piece by piece and gives back what the customer may see, without citation marks. */
export interface CitationFilter {
  /** The part of the text seen so far that is safe to show now (a mark may still be arriving). */
  push(delta: string): string;
  /** Whatever was held back, once the text is complete. */
  flush(): string;
  /** The ids cited so far, in order of first citation. */
  readonly cited: readonly string[];
}

/** `[id]` or `[id, id2]`, with the spaces before it. Longer brackets are not citations. */
const MARK = /\s*\[([^[\]\n]{1,160})\]/g;
const LONGEST_MARK = 160;

/**
 * The model cites articles as `[article-id]` after the sentences that use them. Marks naming known
 * articles are removed (and recorded); any other bracket is left as written. While streaming, an unclosed
 * `[` and trailing spaces are held back until it is clear what they are, so the concatenated output of
 * `push` and `flush` is exactly `stripCitations` of the whole text, however it was cut.
 */
export function createCitationFilter(knownIds: ReadonlySet<string>): CitationFilter {
  const cited: string[] = [];
  let pending = '';
  let started = false;

  function removeMarks(text: string): string {
    return text.replace(MARK, (whole, inner: string) => {
      const ids = inner.split(/[,;]/).map((id) => id.trim());
      if (!ids.every((id) => knownIds.has(id))) return whole;
      for (const id of ids) if (!cited.includes(id)) cited.push(id);
      return '';
    });
  }

  function emit(text: string): string {
    const out = started ? text : text.trimStart();
    if (out !== '') started = true;
    return out;
  }

  return {
    cited,
    push(delta) {
      const text = removeMarks(pending + delta);
      let hold = text.trimEnd().length;
      const open = text.lastIndexOf('[');
      if (open >= 0 && !text.includes(']', open) && text.length - open <= LONGEST_MARK + 1) {
        const tail = text.slice(open);
        if (!tail.includes('\n')) hold = Math.min(hold, text.slice(0, open).trimEnd().length);
      }
      pending = text.slice(hold);
      return emit(text.slice(0, hold));
    },
    flush() {
      const text = removeMarks(pending).trimEnd();
      pending = '';
      return emit(text);
    },
  };
}

/** The whole text without citation marks, and the known ids it cited. */
export function stripCitations(
  text: string,
  knownIds: ReadonlySet<string>,
): { text: string; cited: string[] } {
  const filter = createCitationFilter(knownIds);
  const out = filter.push(text) + filter.flush();
  return { text: out, cited: [...filter.cited] };
}
