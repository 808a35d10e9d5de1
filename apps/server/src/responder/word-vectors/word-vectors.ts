/**
 * Pretrained word vectors, int8-quantised with one scale per vector, and each word's frequency rank in the
 * source vocabulary (0 = most frequent), which is what sentence vectors weight words by.
 */
export class WordVectors {
  private readonly index = new Map<string, number>();

  constructor(
    readonly dimensions: number,
    /** Words in the source vocabulary, kept or not; the denominator of the Zipf frequency estimate. */
    readonly sourceSize: number,
    readonly words: readonly string[],
    readonly ranks: Uint32Array,
    readonly scales: Float32Array,
    readonly values: Int8Array,
  ) {
    if (ranks.length !== words.length || scales.length !== words.length)
      throw new RangeError('word vectors: words, ranks and scales differ in length');
    if (values.length !== words.length * dimensions)
      throw new RangeError('word vectors: values do not match words × dimensions');
    words.forEach((word, position) => {
      this.index.set(word, position);
    });
  }

  get size(): number {
    return this.words.length;
  }

  indexOf(word: string): number | undefined {
    return this.index.get(word);
  }

  /** Adds `weight` × the vector of word `position` to `target`. */
  addTo(target: Float64Array, position: number, weight: number): void {
    const dimensions = this.dimensions;
    const offset = position * dimensions;
    const scale = this.scales[position]! * weight;
    for (let d = 0; d < dimensions; d++) target[d]! += this.values[offset + d]! * scale;
  }

  /** The dequantised vector of word `position`. */
  vector(position: number): Float64Array {
    const out = new Float64Array(this.dimensions);
    this.addTo(out, position, 1);
    return out;
  }

  /**
   * Quantises float vectors: each is stored as round(v / s) in −127…127 with s = max |v| / 127, which
   * keeps the direction to within about half a percent.
   */
  static quantize(
    entries: ReadonlyArray<{ word: string; rank: number; vector: ArrayLike<number> }>,
    dimensions: number,
    sourceSize: number,
  ): WordVectors {
    const ranks = new Uint32Array(entries.length);
    const scales = new Float32Array(entries.length);
    const values = new Int8Array(entries.length * dimensions);
    entries.forEach(({ rank, vector }, position) => {
      if (vector.length !== dimensions) throw new RangeError(`word vectors: expected ${dimensions} values`);
      ranks[position] = rank;
      let largest = 0;
      for (let d = 0; d < dimensions; d++) largest = Math.max(largest, Math.abs(vector[d]!));
      const scale = largest === 0 ? 1 : largest / 127;
      scales[position] = scale;
      for (let d = 0; d < dimensions; d++)
        values[position * dimensions + d] = Math.round(vector[d]! / scales[position]!);
    });
    return new WordVectors(
      dimensions,
      sourceSize,
      entries.map((entry) => entry.word),
      ranks,
      scales,
      values,
    );
  }
}
