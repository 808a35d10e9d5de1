import { LSH_BANDS, SKETCH_SIZE, type StoredSketch } from './dataset-minhash';

/** Kept pairs per block of storage, allocated as the export goes. */
const BLOCK_ITEMS = 16_384;
const INITIAL_BUCKETS = 4_096;

/**
 * The kept sketches and their LSH buckets, in blocks of typed arrays (no object per pair): per pair
 * 64 value bytes, its empty-bin masks, its 4 band keys and, per band, the previous pair of the same
 * bucket; plus one bucket table per band with between one and two slots per pair. About 120 to
 * 140 bytes a pair. Buckets are direct-mapped: pairs whose keys share a slot share a chain, and the
 * keys stored with each pair tell them apart.
 */
export function createSketchIndex() {
  const values: Uint8Array[] = [];
  const masks: Uint32Array[] = [];
  const keys: Uint32Array[] = [];
  const chains: Int32Array[] = [];
  let buckets = INITIAL_BUCKETS;
  let heads = Array.from({ length: LSH_BANDS }, () => new Int32Array(buckets).fill(-1));
  let size = 0;
  const view: StoredSketch = { bytes: new Uint8Array(0), offset: 0, emptyLow: 0, emptyHigh: 0 };
  const block = (index: number) => Math.floor(index / BLOCK_ITEMS);
  const slot = (index: number) => index % BLOCK_ITEMS;
  const keyOf = (index: number, band: number) => keys[block(index)]![slot(index) * LSH_BANDS + band]!;
  const chain = (index: number) => chains[block(index)]!;

  const link = (index: number) => {
    for (let band = 0; band < LSH_BANDS; band++) {
      const bucket = keyOf(index, band) & (buckets - 1);
      chain(index)[slot(index) * LSH_BANDS + band] = heads[band]![bucket]!;
      heads[band]![bucket] = index;
    }
  };

  /** Twice the buckets, relinked oldest first so that every chain stays newest first. */
  const grow = () => {
    buckets *= 2;
    heads = Array.from({ length: LSH_BANDS }, () => new Int32Array(buckets).fill(-1));
    for (let index = 0; index < size; index++) link(index);
  };

  const sketch = (index: number): StoredSketch => {
    const mask = masks[block(index)]!;
    view.bytes = values[block(index)]!;
    view.offset = slot(index) * SKETCH_SIZE;
    view.emptyLow = mask[slot(index) * 2]!;
    view.emptyHigh = mask[slot(index) * 2 + 1]!;
    return view;
  };

  const visited = new Int32Array(LSH_BANDS * 64);

  return {
    get size() {
      return size;
    },

    /** Keeps a sketch under its band keys. */
    add(stored: StoredSketch, bandKeys: Uint32Array): void {
      const index = size++;
      if (slot(index) === 0) {
        values.push(new Uint8Array(BLOCK_ITEMS * SKETCH_SIZE));
        masks.push(new Uint32Array(BLOCK_ITEMS * 2));
        keys.push(new Uint32Array(BLOCK_ITEMS * LSH_BANDS));
        chains.push(new Int32Array(BLOCK_ITEMS * LSH_BANDS));
      }
      values[block(index)]!.set(
        stored.bytes.subarray(stored.offset, stored.offset + SKETCH_SIZE),
        slot(index) * SKETCH_SIZE,
      );
      masks[block(index)]![slot(index) * 2] = stored.emptyLow;
      masks[block(index)]![slot(index) * 2 + 1] = stored.emptyHigh;
      keys[block(index)]!.set(bandKeys, slot(index) * LSH_BANDS);
      if (size > buckets) grow();
      else link(index);
    },

    /**
     * Whether `test` holds for a kept sketch that shares a band key with `bandKeys`: each such sketch
     * is tested once, newest first, at most `depth` (up to 64) per band. The sketch passed to `test`
     * is a view, valid during the call.
     */
    some(bandKeys: Uint32Array, depth: number, test: (kept: StoredSketch) => boolean): boolean {
      let tested = 0;
      for (let band = 0; band < LSH_BANDS; band++) {
        const key = bandKeys[band]!;
        let index = heads[band]![key & (buckets - 1)]!;
        for (
          let found = 0;
          index >= 0 && found < depth;
          index = chain(index)[slot(index) * LSH_BANDS + band]!
        ) {
          if (keyOf(index, band) !== key) continue;
          found++;
          if (includes(visited, tested, index)) continue;
          if (test(sketch(index))) return true;
          visited[tested++] = index;
        }
      }
      return false;
    },
  };
}

function includes(values: Int32Array, count: number, value: number): boolean {
  for (let i = 0; i < count; i++) if (values[i] === value) return true;
  return false;
}
