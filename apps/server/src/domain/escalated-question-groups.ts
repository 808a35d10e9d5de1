import { groupSimilarQuestions } from '../responder/question-similarity';

export interface QuestionGroup {
  /** The group's newest question, as the customer wrote it. */
  question: string;
  count: number;
  /** Up to three other wordings in the group, newest first. */
  examples: string[];
}

/**
 * The most escalated questions, grouped by similarity: the answering model's own features weighted by
 * rarity among these questions (TF-IDF), a question joining the group whose first question it resembles
 * most (cosine ≥ 0.5). `questions` come newest first, bounded by the store query.
 */
export function groupEscalatedQuestions(questions: readonly string[], top: number): QuestionGroup[] {
  const cleaned = questions.map((q) => q.trim()).filter((q) => q.length > 0);
  if (cleaned.length === 0) return [];
  return groupSimilarQuestions(cleaned)
    .slice(0, top)
    .map((members) => {
      const texts = members.map((i) => cleaned[i] as string);
      const [question = '', ...rest] = texts;
      const seen = new Set([question.toLowerCase()]);
      const examples: string[] = [];
      for (const text of rest) {
        if (examples.length === 3 || seen.has(text.toLowerCase())) continue;
        seen.add(text.toLowerCase());
        examples.push(text);
      }
      return { question, count: members.length, examples };
    });
}
