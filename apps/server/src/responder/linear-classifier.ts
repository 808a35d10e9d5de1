import { seededRandom } from '../lib/seeded-random';
import type { SparseVector } from './sparse-vector';

export interface LinearClassifierOptions {
  /** Passes over the training data. Default 6. */
  epochs?: number;
  /** Initial SGD step; it decays as 1 / (1 + t / examples). Default 4. */
  learningRate?: number;
  /** L2 penalty per example, applied lazily to the touched weights. Default 1e-5. */
  l2?: number;
  /** Seed of the example order, so training is reproducible. Default 1. */
  seed?: number;
}

/**
 * Multinomial logistic regression over sparse unit TF-IDF vectors, trained by SGD with sparse updates
 * (only the weights of features present in an example move). Weights are stored feature-major so that
 * scoring a question touches one contiguous row per feature it has.
 */
export class LinearClassifier {
  private weights = new Float32Array(0);
  private bias = new Float64Array(0);
  private featureCount = 0;
  private classCount = 0;
  private logits = new Float64Array(0);

  get classes(): number {
    return this.classCount;
  }

  fit(
    vectors: readonly SparseVector[],
    labels: readonly number[],
    classCount: number,
    options: LinearClassifierOptions = {},
  ): this {
    const epochs = options.epochs ?? 6;
    const learningRate = options.learningRate ?? 4;
    const l2 = options.l2 ?? 1e-5;
    let featureCount = 0;
    for (const vector of vectors)
      for (const index of vector.indices) featureCount = Math.max(featureCount, index + 1);
    this.featureCount = featureCount;
    this.classCount = classCount;
    this.weights = new Float32Array(featureCount * classCount);
    this.bias = new Float64Array(classCount);
    this.logits = new Float64Array(classCount);
    const order = vectors.map((_, index) => index);
    const random = seededRandom(options.seed ?? 1);
    const probabilities = new Float64Array(classCount);
    let step = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      for (const example of order) {
        const vector = vectors[example]!;
        const rate = learningRate / (1 + step / vectors.length);
        step++;
        this.probabilitiesInto(vector, probabilities);
        probabilities[labels[example]!]! -= 1; // now the gradient of the loss w.r.t. the logits
        this.descend(vector, probabilities, rate, 1 - rate * l2);
      }
    }
    return this;
  }

  /** Class probabilities for `query` (a fresh array). */
  predict(query: SparseVector): Float64Array {
    const probabilities = new Float64Array(this.classCount);
    this.probabilitiesInto(query, probabilities);
    return probabilities;
  }

  /** One gradient step on the weights of `vector`'s features (shrunk by `shrink`) and on the biases. */
  private descend(vector: SparseVector, gradient: Float64Array, rate: number, shrink: number): void {
    const classCount = this.classCount;
    for (let i = 0; i < vector.indices.length; i++) {
      const feature = vector.indices[i]!;
      if (feature >= this.featureCount) continue;
      const offset = feature * classCount;
      const value = vector.values[i]!;
      for (let c = 0; c < classCount; c++) {
        this.weights[offset + c] = this.weights[offset + c]! * shrink - rate * gradient[c]! * value;
      }
    }
    // Biases move slowly: class frequencies say little about which article a question needs.
    for (let c = 0; c < classCount; c++) this.bias[c]! -= rate * gradient[c]! * 0.1;
  }

  private probabilitiesInto(query: SparseVector, out: Float64Array): void {
    const classCount = this.classCount;
    if (classCount === 0) return;
    const logits = this.logits;
    logits.set(this.bias);
    for (let i = 0; i < query.indices.length; i++) {
      const feature = query.indices[i]!;
      if (feature >= this.featureCount) continue;
      const offset = feature * classCount;
      const value = query.values[i]!;
      for (let c = 0; c < classCount; c++) logits[c]! += this.weights[offset + c]! * value;
    }
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < classCount; c++) max = Math.max(max, logits[c]!);
    let sum = 0;
    for (let c = 0; c < classCount; c++) {
      out[c] = Math.exp(logits[c]! - max);
      sum += out[c]!;
    }
    for (let c = 0; c < classCount; c++) out[c]! /= sum;
  }
}

function shuffle(values: number[], random: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
}
