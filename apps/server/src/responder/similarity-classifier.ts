import { dotDense, type SparseVector, toSparseVector } from './sparse-vector';

export interface ClassScore {
  label: string;
  /** Blend of `neighbour` and `centroid`, a cosine in [0, 1]. */
  score: number;
  /** Cosine to the class centroid. */
  centroid: number;
  /** Mean cosine to the class's closest training examples. */
  neighbour: number;
}

export interface SimilarityClassifierOptions {
  /** Weight of the nearest-example similarity in the blend; the rest goes to the centroid. */
  neighbourWeight?: number;
  /** How many nearest examples of a class are averaged. */
  neighbours?: number;
}

interface ClassState {
  label: string;
  sum: Map<number, number>;
  centroid: SparseVector;
  stale: boolean;
  count: number;
}

/**
 * Nearest-centroid (Rocchio) blended with k-nearest-example cosine, over unit TF-IDF vectors.
 *
 * Why not a discriminative model such as logistic regression: its softmax only says which class wins,
 * not whether the question resembles anything at all, so an unseen off-topic question still gets a
 * confident winner; the absolute cosine kept here is what lets calibration reject those. With about a
 * dozen examples per class a centroid is a strong, hard-to-overfit baseline, and the nearest examples catch
 * specific phrasings that averaging blurs. Adding an example (or a whole new class) is O(its features), so
 * corrections are learned at run time without retraining, and training is linear in the number of examples.
 */
export class SimilarityClassifier {
  private readonly classes: ClassState[] = [];
  private readonly classIndex = new Map<string, number>();
  private readonly exampleVectors: SparseVector[] = [];
  private readonly exampleClasses: number[] = [];
  private scratch = new Float64Array(0);
  private readonly neighbourWeight: number;
  private readonly neighbours: number;

  constructor(options: SimilarityClassifierOptions = {}) {
    this.neighbourWeight = options.neighbourWeight ?? 0.6;
    this.neighbours = options.neighbours ?? 2;
  }

  get size(): number {
    return this.exampleVectors.length;
  }

  get labels(): string[] {
    return this.classes.map((state) => state.label);
  }

  addExample(label: string, vector: SparseVector): void {
    const index = this.addToCentroid(label, vector, 1);
    this.classes[index]!.count += 1;
    this.exampleVectors.push(vector);
    this.exampleClasses.push(index);
  }

  /** Pulls a class centroid towards `vector` without making it a neighbour candidate. */
  addToCentroid(label: string, vector: SparseVector, weight: number): number {
    let index = this.classIndex.get(label);
    if (index === undefined) {
      index = this.classes.length;
      this.classIndex.set(label, index);
      this.classes.push({ label, sum: new Map(), centroid: vector, stale: false, count: 0 });
    }
    const state = this.classes[index]!;
    for (let i = 0; i < vector.indices.length; i++) {
      const feature = vector.indices[i]!;
      state.sum.set(feature, (state.sum.get(feature) ?? 0) + weight * vector.values[i]!);
    }
    state.stale = true;
    this.ensureScratch(vector);
    return index;
  }

  /** Classes ranked by score, best first. */
  rank(query: SparseVector): ClassScore[] {
    this.refreshCentroids();
    this.ensureScratch(query);
    const dense = this.scratch;
    for (let i = 0; i < query.indices.length; i++) dense[query.indices[i]!] = query.values[i]!;

    const top = this.classes.map(() => new Array<number>(this.neighbours).fill(0));
    for (let example = 0; example < this.exampleVectors.length; example++) {
      const similarity = dotDense(this.exampleVectors[example]!, dense);
      insertTop(top[this.exampleClasses[example]!]!, similarity);
    }
    const scores = this.classes.map((state, index) => {
      const centroid = dotDense(state.centroid, dense);
      const kept = Math.min(this.neighbours, state.count);
      const neighbour =
        kept === 0 ? 0 : top[index]!.slice(0, kept).reduce((sum, value) => sum + value, 0) / kept;
      const score = this.neighbourWeight * neighbour + (1 - this.neighbourWeight) * centroid;
      return { label: state.label, score, centroid, neighbour };
    });

    for (let i = 0; i < query.indices.length; i++) dense[query.indices[i]!] = 0;
    return scores.sort((a, b) => b.score - a.score);
  }

  private refreshCentroids(): void {
    for (const state of this.classes) {
      if (!state.stale) continue;
      state.centroid = toSparseVector(state.sum, true);
      state.stale = false;
    }
  }

  private ensureScratch(vector: SparseVector): void {
    const last = vector.indices[vector.indices.length - 1];
    if (last === undefined || last < this.scratch.length) return;
    const grown = new Float64Array(Math.max(last + 1, this.scratch.length * 2));
    grown.set(this.scratch);
    this.scratch = grown;
  }
}

/** Keeps `top` sorted descending with its length fixed, inserting `value` if it belongs. */
function insertTop(top: number[], value: number): void {
  let position = top.length - 1;
  if (position < 0 || value <= top[position]!) return;
  while (position > 0 && top[position - 1]! < value) {
    top[position] = top[position - 1]!;
    position--;
  }
  top[position] = value;
}
