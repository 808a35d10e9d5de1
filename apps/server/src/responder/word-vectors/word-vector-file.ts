import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { WordVectors } from './word-vectors';

/** Format tag and version; a file with another one is derived again. */
const magic = 'HITLWV01';
const headerBytes = 20;

/**
 * Writes word vectors in the compact layout `readWordVectorFile` reads: magic, dimensions, count, source
 * size (uint32 LE), then the float32 scales, the uint32 ranks, the int8 values and the words joined by
 * line feeds. The file is written beside its final name and renamed into place, so a reader in another
 * process or test worker sees either no file or a whole one.
 */
export function writeWordVectorFile(file: string, vectors: WordVectors): void {
  const count = vectors.size;
  const words = Buffer.from(vectors.words.join('\n'), 'utf8');
  const buffer = Buffer.alloc(headerBytes + count * 8 + vectors.values.length + words.length);
  buffer.write(magic, 0, 'latin1');
  buffer.writeUInt32LE(vectors.dimensions, 8);
  buffer.writeUInt32LE(count, 12);
  buffer.writeUInt32LE(vectors.sourceSize, 16);
  let offset = headerBytes;
  Buffer.from(vectors.scales.buffer, vectors.scales.byteOffset, count * 4).copy(buffer, offset);
  offset += count * 4;
  Buffer.from(vectors.ranks.buffer, vectors.ranks.byteOffset, count * 4).copy(buffer, offset);
  offset += count * 4;
  Buffer.from(vectors.values.buffer, vectors.values.byteOffset, vectors.values.length).copy(buffer, offset);
  offset += vectors.values.length;
  words.copy(buffer, offset);
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, buffer);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Reads a file written by `writeWordVectorFile`; throws when it is not one. */
export function readWordVectorFile(file: string): WordVectors {
  const buffer = readFileSync(file);
  if (buffer.length < headerBytes || buffer.toString('latin1', 0, 8) !== magic)
    throw new Error(`${file} is not a word-vector file`);
  const dimensions = buffer.readUInt32LE(8);
  const count = buffer.readUInt32LE(12);
  const sourceSize = buffer.readUInt32LE(16);
  const wordsStart = headerBytes + count * 8 + count * dimensions;
  if (buffer.length < wordsStart) throw new Error(`${file} is truncated`);
  // Copies, not views: a small file's buffer may sit at an unaligned offset of Node's shared pool.
  const copy = (start: number, end: number) =>
    buffer.buffer.slice(buffer.byteOffset + start, buffer.byteOffset + end);
  const scales = new Float32Array(copy(headerBytes, headerBytes + count * 4));
  const ranks = new Uint32Array(copy(headerBytes + count * 4, headerBytes + count * 8));
  const values = new Int8Array(copy(headerBytes + count * 8, wordsStart));
  const words = count === 0 ? [] : buffer.toString('utf8', wordsStart).split('\n');
  if (words.length !== count) throw new Error(`${file} has ${words.length} words, expected ${count}`);
  return new WordVectors(dimensions, sourceSize, words, ranks, scales, values);
}
