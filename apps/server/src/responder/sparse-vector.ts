/** A sparse vector over the vectoriser's vocabulary: parallel arrays of feature indices and weights. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

export const emptyVector: SparseVector = { indices: new Int32Array(0), values: new Float32Array(0) };

/** Builds a vector from index → weight pairs, dropping zeros and scaling to unit length when `normalize`. */
export function toSparseVector(weights: Map<number, number>, normalize: boolean): SparseVector {
  let norm = 0;
  for (const value of weights.values()) norm += value * value;
  const scale = normalize && norm > 0 ? 1 / Math.sqrt(norm) : 1;
  const entries = [...weights].filter(([, value]) => value !== 0).sort((a, b) => a[0] - b[0]);
  const indices = new Int32Array(entries.length);
  const values = new Float32Array(entries.length);
  entries.forEach(([index, value], position) => {
    indices[position] = index;
    values[position] = value * scale;
  });
  return { indices, values };
}

/** Dot product of a sparse vector with a dense one (the query, scattered into a scratch array). */
export function dotDense(vector: SparseVector, dense: Float64Array): number {
  let sum = 0;
  const { indices, values } = vector;
  for (let i = 0; i < indices.length; i++) sum += values[i]! * (dense[indices[i]!] ?? 0);
  return sum;
}
