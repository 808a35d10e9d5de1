import { createPairFingerprinter } from './dataset-fingerprint';
import { Hash64Set } from './dataset-hash-set';
import {
  bandKey,
  COMPACT_SIZE,
  compactSketch,
  createSketch,
  isAtLeastSimilar,
  LSH_BANDS,
  type StoredSketch,
  sketchShingles,
} from './dataset-minhash';
import { createSketchIndex } from './dataset-sketch-index';

export type DuplicateVerdict = 'unique' | 'duplicate' | 'near_duplicate';

export interface Deduplicator {
  /**
   * Whether a question and its answer repeat a pair already kept: `duplicate` when both have the
   * same words in the same order (case, punctuation and spacing aside), `near_duplicate` when the
   * word 3-shingles of the pair are estimated at least `threshold` similar (Jaccard) to a kept
   * pair's. A unique pair is kept and later ones are compared with it.
   */
  classify(question: string, answer: string): DuplicateVerdict;
  /** How many pairs were kept. */
  readonly size: number;
}

/** Kept pairs compared per LSH bucket, newest first: bounds the work on very repetitive data. */
const BUCKET_DEPTH = 8;

/**
 * Streaming duplicate detection in bounded memory, keeping the first (oldest) of each group.
 * Per pair seen it holds a 64-bit hash of its words (about 16 bytes); per kept pair, a compact
 * MinHash sketch and its LSH buckets (`createSketchIndex`, 84 to 94 bytes): a million kept pairs
 * take about 110 MB. A pair is compared with the kept pairs that share one of its buckets, up to
 * 8 per bucket.
 */
export function createDeduplicator(options: { threshold?: number } = {}): Deduplicator {
  const threshold = options.threshold ?? 0.9;
  const fingerprint = createPairFingerprinter();
  const sketch = createSketch();
  const exact = new Hash64Set();
  const index = createSketchIndex();
  const keys = new Uint32Array(LSH_BANDS);
  const current: StoredSketch = { bytes: new Uint8Array(COMPACT_SIZE), offset: 0, emptyLow: 0, emptyHigh: 0 };
  const resembles = (kept: StoredSketch) => isAtLeastSimilar(current, kept, threshold);

  return {
    classify(question, answer) {
      const { high, low, shingles } = fingerprint(question, answer);
      // Every pair seen is remembered exactly, so a copy of a near-duplicate counts as a duplicate.
      if (!exact.add(high, low)) return 'duplicate';
      sketchShingles(shingles, sketch);
      compactSketch(sketch, current.bytes);
      current.emptyLow = sketch.emptyLow;
      current.emptyHigh = sketch.emptyHigh;
      for (let band = 0; band < LSH_BANDS; band++) keys[band] = bandKey(sketch, band);
      if (index.some(keys, BUCKET_DEPTH, resembles)) return 'near_duplicate';
      index.add(current, keys);
      return 'unique';
    },
    get size() {
      return index.size;
    },
  };
}
