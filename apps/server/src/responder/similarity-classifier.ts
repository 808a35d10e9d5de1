import { SparseRowMatrix } from './sparse-row-matrix';
import { type SparseVector, toSparseVector } from './sparse-vector';

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
  /** Weight of the nearest-example similarity in the blend; the rest goes to the centroid. Default 0.4. */
  neighbourWeight?: number;
  /** How many nearest examples of a class are averaged. Default 2. */
  neighbours?: number;
  /** Leading features every vector has (a sentence vector's), stored densely. Default 0. */
  denseDimensions?: number;
}

interface ClassState {
  label: string;
  /** Sum of the class's vectors; the centroid is its unit-length version. */
  sum: Map<number, number>;
  sumNorm: number;
  count: number;
}

/**
 * Nearest-centroid (Rocchio) blended with k-nearest-example cosine, over unit TF-IDF vectors.
 *
 * A discriminative model alone (see `LinearClassifier`) only says which class wins, not whether the
 * question resembles anything at all, so an unseen off-topic question still gets a confident winner; the
 * absolute cosine kept here is what lets calibration reject those, and `BlendedRanker` combines the two.
 * With one or two dozen examples per class a centroid is a strong, hard-to-overfit baseline, and the
 * nearest examples catch specific phrasings that averaging blurs. Adding an example (or a whole new class)
 * is O(its features), so corrections are learned at run time without retraining, and training is linear
 * in the number of examples.
 */
export class SimilarityClassifier {
  private readonly classes: ClassState[] = [];
  private readonly classIndex = new Map<string, number>();
  private readonly examples: SparseRowMatrix;
  /** One unit-length centroid per class, rebuilt lazily after examples are added. */
  private centroids: SparseRowMatrix | undefined;
  private top = new Float64Array(0);
  private readonly neighbourWeight: number;
  private readonly neighbours: number;
  private readonly denseDimensions: number;

  constructor(options: SimilarityClassifierOptions = {}) {
    this.denseDimensions = options.denseDimensions ?? 0;
    this.examples = new SparseRowMatrix(this.denseDimensions);
    this.neighbourWeight = options.neighbourWeight ?? 0.4;
    this.neighbours = options.neighbours ?? 2;
  }

  get size(): number {
    return this.examples.size;
  }

  get labels(): string[] {
    return this.classes.map((state) => state.label);
  }

  addExample(label: string, vector: SparseVector): void {
    let index = this.classIndex.get(label);
    if (index === undefined) {
      index = this.classes.length;
      this.classIndex.set(label, index);
      this.classes.push({ label, sum: new Map(), sumNorm: 0, count: 0 });
    }
    const state = this.classes[index]!;
    for (let i = 0; i < vector.indices.length; i++) {
      const feature = vector.indices[i]!;
      state.sum.set(feature, (state.sum.get(feature) ?? 0) + vector.values[i]!);
    }
    state.count += 1;
    this.centroids = undefined;
    this.examples.add(vector, index);
  }

  /** Training example `index`: its vector and its class. */
  example(index: number): { vector: SparseVector; label: string } {
    const vector = this.examples.row(index);
    const classIndex = this.examples.groupOf(index);
    if (vector === undefined || classIndex === undefined)
      throw new RangeError(`no training example ${index}`);
    return { vector, label: this.classes[classIndex]!.label };
  }

  /** Classes ranked by score, best first. */
  rank(query: SparseVector): ClassScore[] {
    return this.score(query, -1);
  }

  /**
   * Ranks training example `example` as if it had never been trained on: it is no neighbour candidate and
   * its class centroid is recomputed without it. This is what calibration learns from.
   */
  rankHeldOut(example: number): { label: string; ranked: ClassScore[] } {
    const vector = this.examples.row(example);
    const classIndex = this.examples.groupOf(example);
    if (vector === undefined || classIndex === undefined)
      throw new RangeError(`no training example ${example}`);
    return { label: this.classes[classIndex]!.label, ranked: this.score(vector, example) };
  }

  private score(query: SparseVector, heldOut: number): ClassScore[] {
    const k = this.neighbours;
    if (this.top.length < this.classes.length * k) this.top = new Float64Array(this.classes.length * k * 2);
    const top = this.top;
    this.examples.nearestPerGroup(query, k, heldOut, top);
    const centroidScores = this.refreshCentroids().multiply(query);
    const heldOutClass = heldOut >= 0 ? this.examples.groupOf(heldOut) : undefined;
    const scores = this.classes.map((state, index) => {
      let centroid = centroidScores[index]!;
      let count = state.count;
      if (index === heldOutClass) {
        count -= 1;
        centroid = count === 0 ? 0 : centroidWithout(state, query, centroid);
      }
      const kept = Math.min(k, count);
      let neighbour = 0;
      for (let i = 0; i < kept; i++) neighbour += top[index * k + i]! / kept;
      const score = this.neighbourWeight * neighbour + (1 - this.neighbourWeight) * centroid;
      return { label: state.label, score, centroid, neighbour };
    });
    return scores.sort((a, b) => b.score - a.score);
  }

  private refreshCentroids(): SparseRowMatrix {
    if (this.centroids !== undefined) return this.centroids;
    const centroids = new SparseRowMatrix(this.denseDimensions);
    this.classes.forEach((state, index) => {
      let squared = 0;
      for (const value of state.sum.values()) squared += value * value;
      state.sumNorm = Math.sqrt(squared);
      centroids.add(toSparseVector(state.sum, true), index);
    });
    this.centroids = centroids;
    return centroids;
  }
}

/**
 * Cosine between `vector` (also the query) and its class centroid with `vector` taken out of the sum:
 * q·(S − v) / ‖S − v‖, from q·S = cosine·‖S‖ and ‖S − v‖² = ‖S‖² − 2·v·S + ‖v‖².
 */
function centroidWithout(state: ClassState, vector: SparseVector, cosine: number): number {
  let ownSquared = 0;
  for (const value of vector.values) ownSquared += value * value;
  const dotSum = cosine * state.sumNorm;
  const remainingSquared = state.sumNorm * state.sumNorm - 2 * dotSum + ownSquared;
  if (remainingSquared <= 1e-12) return 0;
  return (dotSum - ownSquared) / Math.sqrt(remainingSquared);
}
