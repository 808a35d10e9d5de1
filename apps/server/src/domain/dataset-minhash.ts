import { avalanche } from './dataset-fingerprint';

/** Bins per sketch (2^6). */
export const SKETCH_SIZE = 64;
const BIN_BITS = 6;
/** Locality-sensitive hashing of the first 24 bins: 4 bands of 6. */
export const LSH_BANDS = 4;
const LSH_ROWS = 6;

const VALUE_MASK = (1 << (32 - BIN_BITS)) - 1;
const EMPTY = 0x7fffffff;

/** A MinHash sketch of a set of shingles, by one-permutation hashing. */
export interface MinHashSketch {
  /** Per bin, its smallest value; an empty bin holds a value borrowed from a filled one. */
  values: Uint32Array;
  /** Bit k (bins 0–31) and bit k − 32 (bins 32–63) set when bin k had no shingle of its own. */
  emptyLow: number;
  emptyHigh: number;
}

export function createSketch(): MinHashSketch {
  return { values: new Uint32Array(SKETCH_SIZE), emptyLow: 0, emptyHigh: 0 };
}

const bins = new Int32Array(SKETCH_SIZE);

/**
 * Sketches a set of well-mixed 32-bit shingle hashes by one-permutation hashing (Li, Owen and Zhang
 * 2012): the top 6 bits of a hash choose one of 64 bins and each bin keeps its smallest value, in one
 * pass over the shingles. Empty bins are recorded, then filled from the next filled bin to the right,
 * marked with the distance (rotation densification, Shrivastava and Li 2014), so that every bin can
 * serve as a locality-sensitive hash.
 */
export function sketchShingles(shingles: Uint32Array, sketch: MinHashSketch): MinHashSketch {
  bins.fill(EMPTY);
  for (let s = 0; s < shingles.length; s++) {
    const hash = shingles[s]!;
    const bin = hash >>> (32 - BIN_BITS);
    const value = hash & VALUE_MASK;
    if (value < bins[bin]!) bins[bin] = value;
  }
  let emptyLow = 0;
  let emptyHigh = 0;
  const values = sketch.values;
  for (let k = 0; k < SKETCH_SIZE; k++) {
    const own = bins[k]!;
    if (own !== EMPTY) {
      values[k] = own;
      continue;
    }
    if (k < 32) emptyLow |= 1 << k;
    else emptyHigh |= 1 << (k - 32);
    values[k] = EMPTY;
    for (let distance = 1; distance < SKETCH_SIZE; distance++) {
      const borrowed = bins[(k + distance) % SKETCH_SIZE]!;
      if (borrowed !== EMPTY) {
        values[k] = avalanche(borrowed + Math.imul(distance, 0x9e3779b1)) & VALUE_MASK;
        break;
      }
    }
  }
  sketch.emptyLow = emptyLow;
  sketch.emptyHigh = emptyHigh;
  return sketch;
}

/** Bytes of a compact sketch: 4 bits a bin. */
export const COMPACT_SIZE = SKETCH_SIZE / 2;

/**
 * The low 4 bits of each bin's value ("b-bit MinHash"), two bins a byte: 32 bytes that are enough to
 * estimate a similarity, at a fraction of the memory of the full values.
 */
export function compactSketch(sketch: MinHashSketch, out: Uint8Array, offset = 0): void {
  const values = sketch.values;
  for (let j = 0; j < COMPACT_SIZE; j++) {
    out[offset + j] = (values[2 * j]! & 0x0f) | ((values[2 * j + 1]! & 0x0f) << 4);
  }
}

/** A sketch as stored: its compact values (`COMPACT_SIZE` bytes from `offset`) and empty-bin masks. */
export interface StoredSketch {
  bytes: Uint8Array;
  offset: number;
  emptyLow: number;
  emptyHigh: number;
}

/** The chance that two different values agree on their low 4 bits. */
const CHANCE = 1 / 16;

/**
 * Jaccard similarity estimated from two compact sketches: among the bins filled in either set, the
 * share filled in both with the same low 4 bits (bins empty in both say nothing), less the 1/16
 * chance that two different values end in the same 4 bits.
 */
export function estimateSimilarity(a: StoredSketch, b: StoredSketch): number {
  const compared = SKETCH_SIZE - bothEmpty(a, b);
  if (compared === 0) return 1;
  let equal = 0;
  for (let k = 0; k < SKETCH_SIZE; k++) if (agree(a, b, k)) equal++;
  return Math.max(0, (equal / compared - CHANCE) / (1 - CHANCE));
}

/**
 * Whether the estimate reaches `threshold`, stopping as soon as it cannot: most pairs compared are
 * far apart and are told so after a word or two. Eight bins are compared at once, as a 32-bit word
 * of nibbles: a bin counts against the pair when its nibbles differ or it is empty in one sketch
 * only. The bins outside the LSH bands (which a candidate partly shares by construction) come first.
 */
export function isAtLeastSimilar(a: StoredSketch, b: StoredSketch, threshold: number): boolean {
  const compared = SKETCH_SIZE - bothEmpty(a, b);
  if (compared === 0) return true;
  const needed = Math.ceil(compared * (threshold * (1 - CHANCE) + CHANCE) - 1e-9);
  let misses = compared - needed;
  if (misses < 0) return false;
  const aBytes = a.bytes;
  const bBytes = b.bytes;
  for (let word = COMPACT_WORDS - 1; word >= 0; word--) {
    const shift = (word & 3) * 8;
    const aEmpty = nibbleMask[((word < 4 ? a.emptyLow : a.emptyHigh) >>> shift) & 0xff]!;
    const bEmpty = nibbleMask[((word < 4 ? b.emptyLow : b.emptyHigh) >>> shift) & 0xff]!;
    const differ = readWord(aBytes, a.offset + word * 4) ^ readWord(bBytes, b.offset + word * 4);
    const nibbleDiffers = (differ | (differ >>> 1) | (differ >>> 2) | (differ >>> 3)) & 0x11111111;
    misses -= popcount((nibbleDiffers | aEmpty | bEmpty) & ~(aEmpty & bEmpty));
    if (misses < 0) return false;
  }
  return true;
}

const COMPACT_WORDS = COMPACT_SIZE / 4;

/** For each 8 bits (one per bin), the same bits moved to the lowest bit of each of 8 nibbles. */
const nibbleMask = Uint32Array.from({ length: 256 }, (_, bits) => {
  let mask = 0;
  for (let bin = 0; bin < 8; bin++) if ((bits >>> bin) & 1) mask |= 1 << (bin * 4);
  return mask;
});

/** Four bytes as a little-endian 32-bit word: bins 8w to 8w+7, one nibble each. */
function readWord(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24);
}

/** The 4 bits of bin `bin` of a compact sketch starting at `base`. */
function nibble(bytes: Uint8Array, base: number, bin: number): number {
  return (bytes[base + (bin >>> 1)]! >>> ((bin & 1) * 4)) & 0x0f;
}

function agree(a: StoredSketch, b: StoredSketch, k: number): boolean {
  const emptyA = k < 32 ? (a.emptyLow >>> k) & 1 : (a.emptyHigh >>> (k - 32)) & 1;
  const emptyB = k < 32 ? (b.emptyLow >>> k) & 1 : (b.emptyHigh >>> (k - 32)) & 1;
  return (emptyA | emptyB) === 0 && nibble(a.bytes, a.offset, k) === nibble(b.bytes, b.offset, k);
}

function bothEmpty(a: StoredSketch, b: StoredSketch): number {
  return popcount(a.emptyLow & b.emptyLow) + popcount(a.emptyHigh & b.emptyHigh);
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** The key of one LSH band: its (densified) values hashed together with the band's number. */
export function bandKey(sketch: MinHashSketch, band: number): number {
  let h = Math.imul(band + 1, 0x9e3779b1);
  for (let r = band * LSH_ROWS; r < (band + 1) * LSH_ROWS; r++) {
    h = Math.imul(h ^ sketch.values[r]!, 0x01000193);
    h = (h << 13) | (h >>> 19);
  }
  return avalanche(h);
}
