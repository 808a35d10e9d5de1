import { BaseExampleSelector } from '@langchain/core/example_selectors';
import type { Example } from '@langchain/core/prompts';
import { redactSensitiveData } from '../../domain/signals/sensitive-data';
import { normalizeWords } from '../normalize-words';
import { stemWord } from '../stem-word';

export interface RecentExamplesOptions {
  /** How many of the latest approved answers are kept. */
  capacity: number;
  /** How many are shown to the model for one question. */
  k: number;
  /** Examples less similar than this to the question are not shown. */
  minSimilarity: number;
}

export const defaultRecentExamplesOptions: RecentExamplesOptions = { capacity: 20, k: 3, minSimilarity: 0.2 };

/**
 * Approved question→answer pairs kept for few-shot prompting: the most recent `capacity` (a re-approved
 * example moves to the front), and for each question the `k` most similar by shared words. Texts are
 * redacted on the way in, since they are sent to the model.
 */
export class RecentExamples extends BaseExampleSelector {
  override lc_namespace = ['hitl', 'example_selectors'];
  private readonly examples = new Map<string, { question: string; answer: string; words: Set<string> }>();
  private readonly options: RecentExamplesOptions;

  constructor(options: Partial<RecentExamplesOptions> = {}) {
    super();
    this.options = { ...defaultRecentExamplesOptions, ...options };
  }

  get size(): number {
    return this.examples.size;
  }

  async addExample(example: Example): Promise<void> {
    const question = redactSensitiveData(example.question ?? '');
    const answer = redactSensitiveData(example.answer ?? '');
    const id = example.id ?? question;
    this.examples.delete(id);
    this.examples.set(id, { question, answer, words: contentWords(question) });
    for (const oldest of this.examples.keys()) {
      if (this.examples.size <= this.options.capacity) break;
      this.examples.delete(oldest);
    }
  }

  /** The most similar examples first; ties go to the more recent. */
  async selectExamples(input: Example): Promise<Example[]> {
    const words = contentWords(input.question ?? '');
    return [...this.examples.values()]
      .map((example, order) => ({ example, order, score: similarity(words, example.words) }))
      .filter((scored) => scored.score >= this.options.minSimilarity)
      .sort((a, b) => b.score - a.score || b.order - a.order)
      .slice(0, this.options.k)
      .map(({ example }) => ({ question: example.question, answer: example.answer }));
  }
}

const stopWords = new Set(
  'the and for you your are can how what when where why who does did has have had was were with this that from not but any all our out its just into about'.split(
    ' ',
  ),
);

function contentWords(text: string): Set<string> {
  return new Set(
    normalizeWords(text)
      .filter((w) => w.length > 2 && !stopWords.has(w))
      .map(stemWord),
  );
}

/** Cosine similarity of two word sets. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / Math.sqrt(a.size * b.size);
}
