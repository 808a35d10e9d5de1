import { Document } from '@langchain/core/documents';
import type { Article } from '../../knowledge/knowledge-base';
import type { Responder } from '../responder';

export interface ArticleMetadata {
  id: string;
  title: string;
  topic: string;
  /** The retriever's confidence that this article answers the question (0..1). */
  retrieval: number;
}

export interface RetrieveOptions {
  /** At most this many articles (the best one plus the runners-up). */
  k: number;
  /** Runners-up below this confidence are left out: they would only distract the model. */
  floor: number;
}

export const defaultRetrieveOptions: RetrieveOptions = { k: 4, floor: 0.1 };

/**
 * The knowledge-base articles an answer may use: the offline model's best article and its runners-up above
 * a floor, best first, as Documents carrying the article's id, title and retrieval confidence.
 */
export async function retrieveArticles(
  retriever: Responder,
  articles: ReadonlyMap<string, Article>,
  question: string,
  options: RetrieveOptions = defaultRetrieveOptions,
): Promise<Document<ArticleMetadata>[]> {
  const ranked = await retriever.answer({ conversationId: 'retrieval', question, history: [] });
  const candidates = [
    ...ranked.sources.map((s) => ({ id: s.id, confidence: ranked.confidence })),
    ...ranked.alternatives.filter((a) => a.confidence >= options.floor),
  ];
  const documents: Document<ArticleMetadata>[] = [];
  for (const { id, confidence } of candidates) {
    const article = articles.get(id);
    if (!article || documents.some((d) => d.metadata.id === id)) continue;
    documents.push(
      new Document({
        id,
        pageContent: article.answer,
        metadata: { id, title: article.title, topic: article.topic, retrieval: confidence },
      }),
    );
    if (documents.length === options.k) break;
  }
  return documents;
}

/** The articles as the model reads them: each headed by its id in brackets, which is how it cites them. */
export function formatArticles(documents: readonly Document<ArticleMetadata>[]): string {
  if (documents.length === 0) return '(no article matches this question)';
  return documents.map((d) => `[${d.metadata.id}] ${d.metadata.title}\n${d.pageContent}`).join('\n\n');
}
