import { extractFeatures } from './extract-features';
import type { SparseVector } from './sparse-vector';
import { TfidfVectorizer } from './tfidf-vectorizer';

/**
 * How alike customers' questions are, for grouping them (knowledge gaps, most escalated questions) and for
 * counting how many recent questions resemble one (review order). The vectors are the answering model's
 * own features, weighted by how rare each is among the questions compared, so the words every question
 * shares ("order", "help") count for little.
 */
export class QuestionSpace {
  private readonly vectorizer: TfidfVectorizer;

  constructor(questions: readonly string[]) {
    this.vectorizer = new TfidfVectorizer().fit(questions.map((question) => extractFeatures(question)));
  }

  vector(question: string): SparseVector {
    return this.vectorizer.transform(extractFeatures(question));
  }
}

/** Cosine of two unit vectors. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const weights = new Map<number, number>();
  for (let i = 0; i < a.indices.length; i++) weights.set(a.indices[i]!, a.values[i]!);
  let dot = 0;
  for (let i = 0; i < b.indices.length; i++) dot += (weights.get(b.indices[i]!) ?? 0) * b.values[i]!;
  return dot;
}

/**
 * Groups questions that resemble each other (each joins the group whose first question is most alike, when
 * at least `minSimilarity`, or starts a new one). Returns the indices of each group's questions, largest
 * group first; ties keep the order of their first question.
 */
export function groupSimilarQuestions(questions: readonly string[], minSimilarity = 0.5): number[][] {
  const space = new QuestionSpace(questions);
  const leaders: SparseVector[] = [];
  const groups: number[][] = [];
  questions.forEach((question, index) => {
    const vector = space.vector(question);
    let best = -1;
    let bestScore = minSimilarity;
    leaders.forEach((leader, group) => {
      const score = cosine(leader, vector);
      if (score >= bestScore) {
        best = group;
        bestScore = score;
      }
    });
    if (best < 0) {
      leaders.push(vector);
      groups.push([index]);
    } else groups[best]!.push(index);
  });
  return groups
    .map((members, order) => ({ members, order }))
    .sort((a, b) => b.members.length - a.members.length || a.order - b.order)
    .map(({ members }) => members);
}

/** For each of `questions`, how many of `pool` resemble it (cosine ≥ `minSimilarity`). */
export function countSimilar(
  questions: readonly string[],
  pool: readonly string[],
  minSimilarity = 0.5,
): number[] {
  const space = new QuestionSpace([...questions, ...pool]);
  const poolVectors = pool.map((question) => space.vector(question));
  return questions.map((question) => {
    const vector = space.vector(question);
    return poolVectors.filter((other) => cosine(vector, other) >= minSimilarity).length;
  });
}
