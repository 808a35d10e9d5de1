import { extractFeatures } from './extract-features';
import type { SparseVector } from './sparse-vector';
import { TfidfVectorizer } from './tfidf-vectorizer';
import type { SentenceEmbedder } from './word-vectors/sentence-embedder';

/**
 * Turns a question into the one unit vector every part of the model compares (similarity, linear model,
 * calibration, corrections): the TF-IDF features and, when word vectors are available, the question's
 * sentence vector, as one sparse vector whose first `dimensions` entries are the dense part. The dot
 * product of two encodings is then (1 − denseShare) × TF-IDF cosine + denseShare × sentence cosine.
 *
 * TF-IDF tells apart questions that share words; the sentence vector relates those that share meaning
 * but not words ("cost" and "fee", "my card was eaten" and "the ATM kept my card"). Alone it was worse
 * than TF-IDF everywhere on BANKING77; blended it helps everywhere.
 */
export class QuestionEncoder {
  readonly vectorizer = new TfidfVectorizer();
  private readonly offset: number;
  private readonly denseScale: number;
  private readonly sparseScale: number;

  constructor(
    private readonly embedder: SentenceEmbedder | undefined,
    denseShare = 0.3,
  ) {
    this.offset = embedder?.dimensions ?? 0;
    const share = embedder === undefined ? 0 : denseShare;
    this.denseScale = Math.sqrt(share);
    this.sparseScale = Math.sqrt(1 - share);
  }

  /** How many leading features are the sentence vector's (0 without word vectors). */
  get denseDimensions(): number {
    return this.offset;
  }

  /** Whether sentence vectors take part. */
  get usesWordVectors(): boolean {
    return this.embedder !== undefined;
  }

  /** Learns the TF-IDF vocabulary and the sentence vectors' common component from the training questions. */
  fit(questions: readonly string[]): this {
    this.vectorizer.fit(questions.map((question) => extractFeatures(question)));
    this.embedder?.fit(questions);
    return this;
  }

  /** Adds a learned question's unseen features without changing earlier encodings (see `TfidfVectorizer.extend`). */
  extend(question: string): void {
    this.vectorizer.extend(extractFeatures(question));
  }

  encode(question: string): SparseVector {
    const sparse = this.vectorizer.transform(extractFeatures(question));
    if (this.embedder === undefined) return sparse;
    // A question none of whose words has a vector keeps only its TF-IDF share, so it resembles less.
    const dense = this.embedder.embed(question);
    const denseCount = dense === undefined ? 0 : dense.length;
    const indices = new Int32Array(denseCount + sparse.indices.length);
    const values = new Float32Array(indices.length);
    for (let i = 0; i < denseCount; i++) {
      indices[i] = i;
      values[i] = dense![i]! * this.denseScale;
    }
    for (let i = 0; i < sparse.indices.length; i++) {
      indices[denseCount + i] = sparse.indices[i]! + this.offset;
      values[denseCount + i] = sparse.values[i]! * this.sparseScale;
    }
    return { indices, values };
  }
}
