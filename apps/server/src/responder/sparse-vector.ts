/** A sparse vector over the vectoriser's vocabulary: parallel arrays of feature indices and weights. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** Builds a vector from index → weight pairs, scaled to unit length when `normalize`. */
export function toSparseVector(weights: Map<number, number>, normalize: boolean): SparseVector {
  let norm = 0;
  for (const value of weights.values()) norm += value * value;
  const scale = normalize && norm > 0 ? 1 / Math.sqrt(norm) : 1;
  const indices = new Int32Array(weights.size);
  const values = new Float32Array(weights.size);
  let position = 0;
  for (const [index, value] of weights) {
    indices[position] = index;
    values[position] = value * scale;
    position++;
  }
  return { indices, values };
}
