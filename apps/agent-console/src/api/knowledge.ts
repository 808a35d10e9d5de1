import {
  type ArticleContent,
  type ArticleCreate,
  type ArticleStatus,
  articleListResponseSchema,
  articleResponseSchema,
  type ImportResult,
  importResultSchema,
  type KnowledgeArticle,
  type KnowledgeFormat,
  type KnowledgeGapsResponse,
  knowledgeGapsResponseSchema,
} from '@hitl/shared/knowledge';
import { ApiRequestError } from './api-error';
import { fetchJson } from './http';

export type ArticleStatusFilter = ArticleStatus | 'any';

/** Every answer is checked against the shared schema: a server of another version fails loudly here. */
function parsed<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  body: unknown,
): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new ApiRequestError('internal', 'The server answered something unexpected.');
  return result.data;
}

export async function listArticles(search: string, status: ArticleStatusFilter): Promise<KnowledgeArticle[]> {
  const query = new URLSearchParams({ status });
  if (search.trim()) query.set('search', search.trim());
  const body = await fetchJson(`/api/knowledge/articles?${query}`);
  return parsed(articleListResponseSchema, body).articles;
}

export async function fetchArticle(id: string): Promise<KnowledgeArticle> {
  const body = await fetchJson(`/api/knowledge/articles/${encodeURIComponent(id)}`);
  return parsed(articleResponseSchema, body).article;
}

export async function createArticle(input: ArticleCreate): Promise<KnowledgeArticle> {
  const body = await fetchJson('/api/knowledge/articles', { method: 'POST', body: input });
  return parsed(articleResponseSchema, body).article;
}

/** Refused with 409 (`conflict`, naming who) when someone changed the article since `expectedVersion`. */
export async function updateArticle(
  id: string,
  content: ArticleContent,
  expectedVersion: number,
): Promise<KnowledgeArticle> {
  const body = await fetchJson(`/api/knowledge/articles/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: { ...content, expectedVersion },
  });
  return parsed(articleResponseSchema, body).article;
}

export async function changeArticleStatus(
  id: string,
  action: 'retire' | 'restore',
  expectedVersion: number,
): Promise<KnowledgeArticle> {
  const body = await fetchJson(`/api/knowledge/articles/${encodeURIComponent(id)}/${action}`, {
    method: 'POST',
    body: { expectedVersion },
  });
  return parsed(articleResponseSchema, body).article;
}

/** A dry run answers what would change and every problem; a real import writes all or nothing. */
export async function importKnowledge(
  text: string,
  format: KnowledgeFormat,
  dryRun: boolean,
): Promise<ImportResult> {
  const query = new URLSearchParams({ format, dryRun: String(dryRun) });
  const body = await fetchJson(`/api/knowledge/import?${query}`, { method: 'POST', text });
  return parsed(importResultSchema, body);
}

export function knowledgeExportUrl(format: KnowledgeFormat, status: ArticleStatusFilter): string {
  return `/api/knowledge/export?${new URLSearchParams({ format, status })}`;
}

export async function fetchKnowledgeGaps(days: number): Promise<KnowledgeGapsResponse> {
  const body = await fetchJson(`/api/knowledge/gaps?${new URLSearchParams({ days: String(days) })}`);
  return parsed(knowledgeGapsResponseSchema, body);
}
