import { describe, expect, it } from 'vitest';
import { avalanche } from './dataset-fingerprint';
import {
  COMPACT_SIZE,
  compactSketch,
  createSketch,
  estimateSimilarity,
  isAtLeastSimilar,
  SKETCH_SIZE,
  type StoredSketch,
  sketchShingles,
} from './dataset-minhash';

/** A set of `size` well-mixed hashes, the first `shared` of which are common to every set made. */
function shingles(size: number, shared: number, seed: number): Uint32Array {
  return Uint32Array.from({ length: size }, (_, i) => avalanche(i < shared ? i + 1 : seed * 1_000_003 + i));
}

function stored(set: Uint32Array): StoredSketch {
  const sketch = sketchShingles(set, createSketch());
  const bytes = new Uint8Array(COMPACT_SIZE);
  compactSketch(sketch, bytes);
  return { bytes, offset: 0, emptyLow: sketch.emptyLow, emptyHigh: sketch.emptyHigh };
}

describe('MinHash sketches', () => {
  it('estimate 1 for the same set, whatever the order', () => {
    const set = shingles(60, 60, 1);
    expect(estimateSimilarity(stored(set), stored(set.slice().reverse()))).toBe(1);
  });

  it.each([
    [60, 60, 1],
    [60, 57, 0.9],
    [60, 40, 0.5],
    [60, 0, 0],
    [200, 190, 0.905],
  ])('sets of %i sharing %i shingles: Jaccard %d', (size, shared, expected) => {
    // Averaged over many pairs: the estimator is close to unbiased; one estimate is within ±0.15.
    const estimates = Array.from({ length: 200 }, (_, seed) =>
      estimateSimilarity(
        stored(shingles(size, shared, seed * 2)),
        stored(shingles(size, shared, seed * 2 + 1)),
      ),
    );
    const jaccard = shared / (2 * size - shared);
    const mean = estimates.reduce((a, b) => a + b, 0) / estimates.length;
    expect(Math.abs(jaccard - expected)).toBeLessThan(0.01);
    expect(Math.abs(mean - jaccard)).toBeLessThan(0.04);
  });

  it('isAtLeastSimilar agrees with the estimate, empty bins included', () => {
    let similar = 0;
    let checks = 0;
    for (const [size, shared] of [
      [50, 45],
      [50, 25],
      [20, 18],
      [8, 7],
      [3, 2],
      [40, 40],
    ] as const) {
      for (let seed = 0; seed < 100; seed++) {
        const a = stored(shingles(size, shared, seed * 2));
        const b = stored(shingles(size, shared, seed * 2 + 1));
        for (const threshold of [0.5, 0.8, 0.9, 0.95]) {
          const expected = estimateSimilarity(a, b) >= threshold - 1e-12;
          expect(isAtLeastSimilar(a, b, threshold)).toBe(expected);
          checks++;
          if (expected) similar++;
        }
      }
    }
    // Both answers occur, or the comparison says nothing.
    expect(similar).toBeGreaterThan(checks / 10);
    expect(similar).toBeLessThan(checks - checks / 10);
  });

  it('marks the bins no shingle fell in', () => {
    const sketch = sketchShingles(shingles(1, 1, 0), createSketch());
    const empty = (sketch.emptyLow >>> 0).toString(2).split('1').length - 1;
    const emptyHigh = (sketch.emptyHigh >>> 0).toString(2).split('1').length - 1;
    expect(empty + emptyHigh).toBe(SKETCH_SIZE - 1);
  });
});
