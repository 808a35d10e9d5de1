/**
 * Compact fingerprints of a question and its answer for duplicate detection, computed in one pass
 * over the text without building normalised copies: the texts are read as words (runs of letters
 * and digits, after NFKC folding and lower-casing), each word is hashed, and from the word hashes
 * come a 64-bit key of the whole pair and the hashes of its word 3-shingles.
 */
export interface PairFingerprint {
  /** Equal for two pairs whose questions and answers have the same words in the same order. */
  high: number;
  low: number;
  /** One hash per word 3-shingle of question + separator + answer; a view on reused memory. */
  shingles: Uint32Array;
}

/** Marks the border between question and answer so that no shingle spans the two unnoticed. */
const SEPARATOR_HASH = 0x2545f491;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Fingerprints a pair. Case, punctuation, spacing and compatibility forms (full-width letters,
 * ligatures) do not change it. Fewer than three words make one shingle of them all. Reuses its
 * memory between calls: read `shingles` before the next call.
 */
export function createPairFingerprinter(): (question: string, answer: string) => PairFingerprint {
  let words = new Uint32Array(256);
  const result: PairFingerprint = { high: 0, low: 0, shingles: words };
  return (question, answer) => {
    const capacity = question.length + answer.length + 3;
    if (words.length < capacity) words = new Uint32Array(capacity * 2);
    let count = hashWords(question, words, 0);
    words[count++] = SEPARATOR_HASH;
    count = hashWords(answer, words, count);
    let low = FNV_OFFSET;
    let high = 0x9747b28c ^ count;
    for (let i = 0; i < count; i++) {
      const word = words[i]!;
      low = Math.imul(low ^ word, FNV_PRIME);
      high = Math.imul(high, 0x5bd1e995) ^ Math.imul(word ^ (word >>> 24), 0x5bd1e995);
    }
    result.low = avalanche(low);
    result.high = avalanche(high);
    if (count < 3) {
      words[0] = combine(words[0]!, count > 1 ? words[1]! : 0, 0);
      result.shingles = words.subarray(0, 1);
    } else {
      // In place: shingle i only needs words i..i+2, which are not yet overwritten.
      for (let i = 0; i < count - 2; i++) words[i] = combine(words[i]!, words[i + 1]!, words[i + 2]!);
      result.shingles = words.subarray(0, count - 2);
    }
    return result;
  };
}

const nonAscii = /[\u0080-\uffff]/;
/** Whether a non-ASCII UTF-16 code unit is a letter or a digit: 0 not yet known, 1 yes, 2 no. */
const wordCharacters = new Uint8Array(0x10000);

/** FNV-1a of each word of `text`, written into `out` from `start`; returns the new end. */
function hashWords(text: string, out: Uint32Array, start: number): number {
  const source = nonAscii.test(text) ? text.normalize('NFKC').toLowerCase() : text;
  let count = start;
  let h = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < source.length; i++) {
    let code = source.charCodeAt(i);
    let isWord: boolean;
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) code += 0x20;
      isWord = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
    } else {
      isWord = isLetterOrDigit(code);
    }
    if (isWord) {
      h = Math.imul(h ^ code, FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      out[count++] = avalanche(h);
      h = FNV_OFFSET;
      inWord = false;
    }
  }
  if (inWord) out[count++] = avalanche(h);
  return count;
}

function isLetterOrDigit(code: number): boolean {
  let known = wordCharacters[code]!;
  if (known === 0) {
    known = /[\p{L}\p{N}]/u.test(String.fromCharCode(code)) ? 1 : 2;
    wordCharacters[code] = known;
  }
  return known === 1;
}

/** murmur3's finaliser: every input bit affects every output bit. Unsigned. */
export function avalanche(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** An order-sensitive combination of three word hashes. */
function combine(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0xcc9e2d51);
  h = Math.imul((h << 13) | (h >>> 19), 0x1b873593) ^ b;
  h = Math.imul((h << 15) | (h >>> 17), 0x85ebca6b) ^ c;
  return avalanche(h);
}
