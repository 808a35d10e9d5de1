export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

/** Above this many words on both sides the table would be too big; the texts are shown whole instead. */
const MAX_WORDS = 600;

/**
 * A word-level diff of the bot's text and the agent's, so a reviewer sees at a glance what changed
 * (longest common subsequence over words; whitespace stays attached to the word before it).
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length === 0 && b.length === 0) return [];
  if (a.length > MAX_WORDS || b.length > MAX_WORDS)
    return merge([
      ...(before ? [{ kind: 'removed' as const, text: before }] : []),
      ...(after ? [{ kind: 'added' as const, text: after }] : []),
    ]);
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lengths[i] as number[];
      row[j] =
        word(a[i]) === word(b[j])
          ? (lengths[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(lengths[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && word(a[i]) === word(b[j])) {
      parts.push({ kind: 'same', text: b[j++] as string });
      i++;
    } else if (i < a.length && (j === b.length || (lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0))) {
      // On a tie the removal comes first: "3 → 5" reads better as old then new.
      parts.push({ kind: 'removed', text: a[i++] as string });
    } else {
      parts.push({ kind: 'added', text: b[j++] as string });
    }
  }
  return merge(parts);
}

function tokens(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [];
}

/** Words compare without their trailing space, so a re-wrapped line is not a change. */
function word(token: string | undefined): string {
  return (token ?? '').trimEnd();
}

function merge(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && last.kind === part.kind) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}
