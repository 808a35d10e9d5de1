import { type FeatureBlock, type FeatureCounts, featureBlock } from './extract-features';
import { type SparseVector, toSparseVector } from './sparse-vector';

/**
 * Share of the cosine each block contributes. Words carry the meaning; character n-grams add robustness
 * to typos and unseen inflections but are many and noisy, so they get a smaller say.
 */
export const defaultBlockWeights: Record<FeatureBlock, number> = { word: 0.5, bigram: 0.15, char: 0.35 };

/**
 * TF-IDF with sublinear term frequency (1 + ln tf) and smoothed idf. Each block is L2-normalised on its
 * own and scaled by √weight, so a dot product between two vectors is the weighted sum of per-block cosines
 * (the whole vector has unit length).
 * Features never seen in training still count towards the query's norm (with the largest idf): words the
 * model has never seen make a question look less like anything it knows, which is what keeps
 * off-topic questions at low similarity.
 */
export class TfidfVectorizer {
  private readonly vocabulary = new Map<string, number>();
  private readonly documentFrequency: number[] = [];
  private documentCount = 0;
  private idf: Float64Array = new Float64Array(0);
  private readonly blockWeights: Record<FeatureBlock, number>;

  constructor(blockWeights: Record<FeatureBlock, number> = defaultBlockWeights) {
    this.blockWeights = blockWeights;
  }

  /** Learns vocabulary and idf from the training documents (replacing anything learned before). */
  fit(documents: readonly FeatureCounts[]): this {
    this.vocabulary.clear();
    this.documentFrequency.length = 0;
    this.documentCount = documents.length;
    for (const document of documents) {
      for (const name of document.keys()) {
        const index = this.indexOf(name);
        this.documentFrequency[index] = (this.documentFrequency[index] ?? 0) + 1;
      }
    }
    this.idf = new Float64Array(this.documentFrequency.length);
    for (let index = 0; index < this.idf.length; index++) {
      this.idf[index] = this.idfFor(this.documentFrequency[index] ?? 0);
    }
    return this;
  }

  /**
   * Adds one document's unseen features to the vocabulary without touching the weights of known ones,
   * so vectors built earlier stay valid. Used to learn at run time; a full `fit` refreshes everything.
   */
  extend(document: FeatureCounts): void {
    const added: number[] = [];
    for (const name of document.keys()) {
      if (!this.vocabulary.has(name)) added.push(this.indexOf(name));
    }
    if (added.length === 0) return;
    const idf = new Float64Array(this.documentFrequency.length);
    idf.set(this.idf);
    for (const index of added) {
      this.documentFrequency[index] = 1;
      idf[index] = this.idfFor(1);
    }
    this.idf = idf;
  }

  transform(document: FeatureCounts): SparseVector {
    const unseenIdf = this.idfFor(0);
    const blockNorms: Record<FeatureBlock, number> = { word: 0, bigram: 0, char: 0 };
    const known: Array<[index: number, weight: number, block: FeatureBlock]> = [];
    for (const [name, count] of document) {
      const block = featureBlock(name);
      const index = this.vocabulary.get(name);
      const weight =
        (1 + Math.log(count)) * (index === undefined ? unseenIdf : (this.idf[index] ?? unseenIdf));
      blockNorms[block] += weight * weight;
      if (index !== undefined) known.push([index, weight, block]);
    }
    // Blocks absent from this document (a one-word question has no bigrams) give their share to the others.
    let presentWeight = 0;
    for (const block of Object.keys(blockNorms) as FeatureBlock[]) {
      if (blockNorms[block] > 0) presentWeight += this.blockWeights[block];
    }
    const weights = new Map<number, number>();
    for (const [index, weight, block] of known) {
      const share = Math.sqrt(this.blockWeights[block] / presentWeight);
      weights.set(index, (weight * share) / Math.sqrt(blockNorms[block]));
    }
    return toSparseVector(weights, false);
  }

  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  private indexOf(name: string): number {
    let index = this.vocabulary.get(name);
    if (index === undefined) {
      index = this.vocabulary.size;
      this.vocabulary.set(name, index);
    }
    return index;
  }

  private idfFor(documentFrequency: number): number {
    return Math.log((1 + this.documentCount) / (1 + documentFrequency)) + 1;
  }
}
