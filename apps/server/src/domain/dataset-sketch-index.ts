import { COMPACT_SIZE, LSH_BANDS, type StoredSketch } from './dataset-minhash';

/** Kept pairs per block of storage, allocated as the export goes. */
const BLOCK_ITEMS = 16_384;
const INITIAL_BUCKETS = 4_096;

/**
 * One kept pair's record, in 32-bit words: band keys, previous pair per band, empty masks, values,
 * and the last search that looked at it.
 */
const KEYS = 0;
const PREVIOUS = KEYS + LSH_BANDS;
const EMPTY_LOW = PREVIOUS + LSH_BANDS;
const EMPTY_HIGH = EMPTY_LOW + 1;
const VALUES = EMPTY_HIGH + 1;
/** The last search that tested the pair: one found through two bands is tested once. */
const SEEN = VALUES + COMPACT_SIZE / 4;
const RECORD_WORDS = SEEN + 1;

interface Block {
  words: Uint32Array;
  ints: Int32Array;
  bytes: Uint8Array;
}

/**
 * The kept sketches and their LSH buckets, in blocks of typed arrays (no object per pair). Each pair
 * is one 76-byte record (its 4 band keys, per band the previous pair of the same bucket, its
 * empty-bin masks, its 32 bytes of compact values and a search stamp), so that walking a bucket and comparing a
 * candidate touch one or two cache lines; plus one bucket table per band with a half to one slot
 * per pair: 84 to 94 bytes a pair. Buckets are direct-mapped: pairs whose keys share a slot share a
 * chain, and the keys stored with each pair tell them apart.
 */
export function createSketchIndex() {
  const blocks: Block[] = [];
  let buckets = INITIAL_BUCKETS;
  let heads = Array.from({ length: LSH_BANDS }, () => new Int32Array(buckets).fill(-1));
  let size = 0;
  const view: StoredSketch = { bytes: new Uint8Array(0), offset: 0, emptyLow: 0, emptyHigh: 0 };
  const blockOf = (index: number) => blocks[Math.floor(index / BLOCK_ITEMS)]!;
  const recordOf = (index: number) => (index % BLOCK_ITEMS) * RECORD_WORDS;

  const link = (index: number) => {
    const { words, ints } = blockOf(index);
    const record = recordOf(index);
    for (let band = 0; band < LSH_BANDS; band++) {
      const bucket = words[record + KEYS + band]! & (buckets - 1);
      ints[record + PREVIOUS + band] = heads[band]![bucket]!;
      heads[band]![bucket] = index;
    }
  };

  /** Twice the buckets, relinked oldest first so that every chain stays newest first. */
  const grow = () => {
    buckets *= 2;
    heads = Array.from({ length: LSH_BANDS }, () => new Int32Array(buckets).fill(-1));
    for (let index = 0; index < size; index++) link(index);
  };

  let search = 0;

  return {
    get size() {
      return size;
    },

    /** Keeps a sketch under its band keys. */
    add(stored: StoredSketch, bandKeys: Uint32Array): void {
      const index = size++;
      if (index % BLOCK_ITEMS === 0) {
        const buffer = new ArrayBuffer(BLOCK_ITEMS * RECORD_WORDS * 4);
        blocks.push({
          words: new Uint32Array(buffer),
          ints: new Int32Array(buffer),
          bytes: new Uint8Array(buffer),
        });
      }
      const { words, bytes } = blockOf(index);
      const record = recordOf(index);
      words.set(bandKeys, record + KEYS);
      words[record + EMPTY_LOW] = stored.emptyLow;
      words[record + EMPTY_HIGH] = stored.emptyHigh;
      bytes.set(stored.bytes.subarray(stored.offset, stored.offset + COMPACT_SIZE), (record + VALUES) * 4);
      if (size > 2 * buckets) grow();
      else link(index);
    },

    /**
     * Whether `test` holds for a kept sketch that shares a band key with `bandKeys`: each such sketch
     * is tested once, newest first, at most `depth` per band. The sketch passed to `test`
     * is a view, valid during the call.
     */
    some(bandKeys: Uint32Array, depth: number, test: (kept: StoredSketch) => boolean): boolean {
      search = (search + 1) | 0;
      for (let band = 0; band < LSH_BANDS; band++) {
        const key = bandKeys[band]!;
        let index = heads[band]![key & (buckets - 1)]!;
        // Other keys share the chain (up to two per slot on average): skipped, within a bound.
        for (let found = 0, steps = 0; index >= 0 && found < depth && steps < 4 * depth; steps++) {
          const { words, ints, bytes } = blockOf(index);
          const record = recordOf(index);
          const next = ints[record + PREVIOUS + band]!;
          if (words[record + KEYS + band] === key) {
            found++;
            if (ints[record + SEEN] !== search) {
              ints[record + SEEN] = search;
              view.bytes = bytes;
              view.offset = (record + VALUES) * 4;
              view.emptyLow = words[record + EMPTY_LOW]!;
              view.emptyHigh = words[record + EMPTY_HIGH]!;
              if (test(view)) return true;
            }
          }
          index = next;
        }
      }
      return false;
    },
  };
}
