import { expandContractions } from '../expand-contractions';
import { normalizeWords } from '../normalize-words';
import type { WordVectors } from './word-vectors';

export interface SentenceEmbedderOptions {
  /**
   * SIF smoothing a: a word weighs a / (a + p(w)). Smaller values mute frequent words more. Default 1e-3
   * (Arora et al. 2017 found 1e-4…1e-3 best).
   */
  smoothing?: number;
}

const eulerGamma = 0.5772156649;

/**
 * Sentence vectors after Arora, Liang & Ma (2017), "A simple but tough-to-beat baseline for sentence
 * embeddings": the mean of the word vectors weighted by a / (a + p(w)), minus its projection on the first
 * principal component of the training sentences (the direction every sentence shares, mostly syntax and
 * frequent words), scaled to unit length.
 *
 * p(w) comes from the vectors' own frequency rank through Zipf's law, p(r) ≈ 1 / ((r + 1) · H(N)), not
 * from the knowledge base: a few hundred questions say little about how common "card" is in English.
 */
export class SentenceEmbedder {
  private readonly smoothing: number;
  private readonly harmonic: number;
  private component: Float64Array | undefined;

  constructor(
    private readonly vectors: WordVectors,
    options: SentenceEmbedderOptions = {},
  ) {
    this.smoothing = options.smoothing ?? 1e-3;
    this.harmonic = Math.log(Math.max(2, vectors.sourceSize)) + eulerGamma;
  }

  get dimensions(): number {
    return this.vectors.dimensions;
  }

  /** The SIF weight of a word of frequency rank `rank`. */
  weightOf(rank: number): number {
    const probability = 1 / ((rank + 1) * this.harmonic);
    return this.smoothing / (this.smoothing + probability);
  }

  /** Fits the common component on these sentences (the training questions); replaces any earlier fit. */
  fit(texts: Iterable<string>): this {
    const d = this.dimensions;
    const scatter = new Float64Array(d * d);
    let count = 0;
    for (const text of texts) {
      const vector = this.weightedMean(text);
      if (vector === undefined) continue;
      count++;
      for (let i = 0; i < d; i++) {
        const vi = vector[i]!;
        if (vi === 0) continue;
        for (let j = 0; j < d; j++) scatter[i * d + j]! += vi * vector[j]!;
      }
    }
    this.component = count < 2 ? undefined : principalDirection(scatter, d);
    return this;
  }

  /** The question's unit sentence vector, or undefined when none of its words has a vector. */
  embed(text: string): Float64Array | undefined {
    const vector = this.weightedMean(text);
    if (vector === undefined) return undefined;
    const component = this.component;
    if (component !== undefined) {
      let projection = 0;
      for (let i = 0; i < vector.length; i++) projection += vector[i]! * component[i]!;
      for (let i = 0; i < vector.length; i++) vector[i]! -= projection * component[i]!;
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    if (norm < 1e-12) return undefined;
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < vector.length; i++) vector[i]! *= scale;
    return vector;
  }

  private weightedMean(text: string): Float64Array | undefined {
    const sum = new Float64Array(this.dimensions);
    let total = 0;
    for (const word of expandContractions(normalizeWords(text))) {
      const position = this.vectors.indexOf(word);
      if (position === undefined) continue;
      const weight = this.weightOf(this.vectors.ranks[position]!);
      this.vectors.addTo(sum, position, weight);
      total += weight;
    }
    if (total === 0) return undefined;
    for (let i = 0; i < sum.length; i++) sum[i]! /= total;
    return sum;
  }
}

/** The unit eigenvector of the largest eigenvalue of a symmetric d×d matrix, by power iteration. */
function principalDirection(matrix: Float64Array, d: number): Float64Array | undefined {
  let vector = new Float64Array(d).fill(1 / Math.sqrt(d));
  for (let iteration = 0; iteration < 100; iteration++) {
    const next = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      let sum = 0;
      for (let j = 0; j < d; j++) sum += matrix[i * d + j]! * vector[j]!;
      next[i] = sum;
    }
    let norm = 0;
    for (const value of next) norm += value * value;
    if (norm < 1e-24) return undefined;
    norm = Math.sqrt(norm);
    let change = 0;
    for (let i = 0; i < d; i++) {
      next[i]! /= norm;
      change += Math.abs(next[i]! - vector[i]!);
    }
    vector = next;
    if (change < 1e-9) break;
  }
  return vector;
}
