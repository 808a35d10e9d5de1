import { BaseExampleSelector } from '@langchain/core/example_selectors';
import type { Example } from '@langchain/core/prompts';
import { redactSensitiveData } from '../../domain/signals/sensitive-data';
import { extractFeatures } from '../extract-features';
import { SparseRowMatrix } from '../sparse-row-matrix';
import { TfidfVectorizer } from '../tfidf-vectorizer';

export interface CorrectionExamplesOptions {
  /** How many are shown to the model for one question. */
  k: number;
  /** Examples less similar than this (TF-IDF cosine) to the question are not shown. */
  minSimilarity: number;
}

export const defaultCorrectionExamplesOptions: CorrectionExamplesOptions = { k: 3, minSimilarity: 0.2 };

interface StoredExample {
  question: string;
  answer: string;
}

interface ExampleIndex {
  vectorizer: TfidfVectorizer;
  matrix: SparseRowMatrix;
  rows: StoredExample[];
}

/**
 * Every approved question→answer pair, for few-shot prompting: for each question, the `k` most similar of
 * all of them (not only recent ones — a correction from last year still teaches), by the cosine of the
 * answering model's own features weighted by their rarity among the corrected questions. Re-approving an
 * id replaces its example. Texts are redacted on the way in, since they are sent to the model.
 *
 * The index is rebuilt at the first question after a change: the idf weights move with every new example,
 * and a rebuild over thousands of short questions takes milliseconds, once per approval.
 */
export class CorrectionExamples extends BaseExampleSelector {
  override lc_namespace = ['hitl', 'example_selectors'];
  private readonly examples = new Map<string, StoredExample>();
  private readonly options: CorrectionExamplesOptions;
  private index: ExampleIndex | undefined;

  constructor(options: Partial<CorrectionExamplesOptions> = {}) {
    super();
    this.options = { ...defaultCorrectionExamplesOptions, ...options };
  }

  get size(): number {
    return this.examples.size;
  }

  async addExample(example: Example): Promise<void> {
    const question = redactSensitiveData(example.question ?? '');
    const answer = redactSensitiveData(example.answer ?? '');
    const id = example.id ?? question;
    // Deleting first moves a re-approved example to the newest place, which wins ties.
    this.examples.delete(id);
    this.examples.set(id, { question, answer });
    this.index = undefined;
  }

  /** The most similar examples first; ties go to the more recent. */
  async selectExamples(input: Example): Promise<Example[]> {
    if (this.examples.size === 0) return [];
    const index = this.refreshIndex();
    const products = index.matrix.multiply(index.vectorizer.transform(extractFeatures(input.question ?? '')));
    const scored: Array<{ row: number; score: number }> = [];
    for (let row = 0; row < index.rows.length; row++) {
      const score = products[row]!;
      if (score >= this.options.minSimilarity) scored.push({ row, score });
    }
    return scored
      .sort((a, b) => b.score - a.score || b.row - a.row)
      .slice(0, this.options.k)
      .map(({ row }) => ({ question: index.rows[row]!.question, answer: index.rows[row]!.answer }));
  }

  private refreshIndex(): ExampleIndex {
    if (this.index) return this.index;
    const rows = [...this.examples.values()];
    const features = rows.map((example) => extractFeatures(example.question));
    const vectorizer = new TfidfVectorizer().fit(features);
    const matrix = new SparseRowMatrix();
    for (const [row, feature] of features.entries()) matrix.add(vectorizer.transform(feature), row);
    this.index = { vectorizer, matrix, rows };
    return this.index;
  }
}
