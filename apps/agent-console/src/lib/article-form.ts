import {
  type ArticleCreate,
  articleCreateSchema,
  type KnowledgeArticle,
  type KnowledgeGap,
  normalizeExample,
} from '@hitl/shared/knowledge';
import type { ArticleTopic } from '@hitl/shared/models';
import { articleTopics } from '@hitl/shared/topics';

/** What the editor holds while someone types; `id` is only editable (and optional) for a new article. */
export interface ArticleDraft {
  id: string;
  title: string;
  topic: ArticleTopic | '';
  answer: string;
  examples: string[];
}

export type DraftField = keyof ArticleDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

export const emptyDraft: ArticleDraft = { id: '', title: '', topic: '', answer: '', examples: [] };

export function draftOf(article: KnowledgeArticle): ArticleDraft {
  return {
    id: article.id,
    title: article.title,
    topic: article.topic,
    answer: article.answer,
    examples: [...article.examples],
  };
}

/**
 * A new article from a knowledge gap: titled by its most typical question, answered with the agents' most
 * common answer, with the group's questions as examples.
 */
export function draftFromGap(gap: KnowledgeGap): ArticleDraft {
  const topic = articleTopics.find((t) => t === gap.topic) ?? '';
  return {
    id: '',
    title: gap.typicalQuestion,
    topic,
    answer: gap.agentAnswers[0]?.text ?? '',
    examples: mergeExamples(
      [],
      gap.questions.map((q) => q.text),
    ),
  };
}

/** The same checks as the server (the shared schema), one message per field. */
export function validateDraft(
  draft: ArticleDraft,
  isNew: boolean,
): { content: ArticleCreate | null; errors: DraftErrors } {
  const input = {
    ...(isNew && draft.id.trim() ? { id: draft.id.trim() } : {}),
    title: draft.title,
    topic: draft.topic === '' ? undefined : draft.topic,
    answer: draft.answer,
    examples: draft.examples,
  };
  const result = articleCreateSchema.safeParse(input);
  if (result.success) return { content: result.data, errors: {} };
  const errors: DraftErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'title') as DraftField;
    errors[field] ??= field === 'topic' ? 'Choose a topic.' : sentence(issue.message);
  }
  return { content: null, errors };
}

/** Adds one example question; refused when empty or already listed (ignoring case and final punctuation). */
export function addExample(
  examples: readonly string[],
  text: string,
): { examples: string[]; error: string | null } {
  const trimmed = text.trim();
  if (trimmed === '') return { examples: [...examples], error: 'Type a question first.' };
  if (examples.some((e) => normalizeExample(e) === normalizeExample(trimmed)))
    return { examples: [...examples], error: 'This question is already an example.' };
  return { examples: [...examples, trimmed], error: null };
}

/** `existing` followed by those of `added` it does not have yet. */
export function mergeExamples(existing: readonly string[], added: readonly string[]): string[] {
  const seen = new Set(existing.map(normalizeExample));
  const merged = [...existing];
  for (const text of added) {
    const key = normalizeExample(text);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    merged.push(text.trim());
  }
  return merged;
}

export function isDraftChanged(draft: ArticleDraft, article: KnowledgeArticle | null): boolean {
  const base = article ? draftOf(article) : emptyDraft;
  return JSON.stringify(base) !== JSON.stringify(draft);
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return text.endsWith('.') ? text : `${text}.`;
}
