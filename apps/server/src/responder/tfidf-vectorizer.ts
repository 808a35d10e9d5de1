import type { FeatureBlock, FeatureCounts } from './extract-features';
import type { SparseVector } from './sparse-vector';

const blockNames: readonly FeatureBlock[] = ['word', 'bigram', 'char'];

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
    const before = this.vocabulary.size;
    for (const name of document.keys()) {
      if (!this.vocabulary.has(name)) this.documentFrequency[this.indexOf(name)] = 1;
    }
    if (this.vocabulary.size === before) return;
    const idf = new Float64Array(this.vocabulary.size);
    idf.set(this.idf);
    idf.fill(this.idfFor(1), before);
    this.idf = idf;
  }

  transform(document: FeatureCounts): SparseVector {
    const unseenIdf = this.idfFor(0);
    const blockNorms = [0, 0, 0];
    const indices = new Int32Array(document.size);
    const weights = new Float64Array(document.size);
    const blocks = new Uint8Array(document.size);
    let known = 0;
    for (const [name, count] of document) {
      const block = blockCode(name);
      const index = this.vocabulary.get(name);
      const weight = (1 + Math.log(count)) * (index === undefined ? unseenIdf : this.idf[index]!);
      blockNorms[block]! += weight * weight;
      if (index === undefined) continue;
      indices[known] = index;
      weights[known] = weight;
      blocks[known] = block;
      known++;
    }
    // Blocks absent from this document (a one-word question has no bigrams) give their share to the others.
    let presentWeight = 0;
    blockNames.forEach((name, block) => {
      if (blockNorms[block]! > 0) presentWeight += this.blockWeights[name];
    });
    const scales = blockNames.map((name, block) =>
      blockNorms[block]! > 0 ? Math.sqrt(this.blockWeights[name] / presentWeight / blockNorms[block]!) : 0,
    );
    const values = new Float32Array(known);
    for (let i = 0; i < known; i++) values[i] = weights[i]! * scales[blocks[i]!]!;
    return { indices: indices.slice(0, known), values };
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

/** Position of a feature's block in `blockNames`, read from its prefix (`w:`, `b:` or `c:`). */
function blockCode(name: string): number {
  if (name.startsWith('w:')) return 0;
  if (name.startsWith('b:')) return 1;
  return 2;
}
