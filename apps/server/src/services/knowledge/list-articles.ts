import { type ArticleListQuery, type KnowledgeArticle, normalizeExample } from '@hitl/shared/knowledge';
import type { ServiceContext } from '../service-context';

/**
 * Articles with the status asked for whose title, id, answer or an example question contains every word
 * of the search (ignoring case), most recently updated first. A knowledge base is a few hundred articles,
 * so the filter runs here rather than in both stores.
 */
export async function listArticles(
  ctx: ServiceContext,
  query: ArticleListQuery,
): Promise<KnowledgeArticle[]> {
  const articles = await ctx.store.listArticles(query.status === 'any' ? undefined : query.status);
  const words = normalizeExample(query.search ?? '')
    .split(' ')
    .filter((word) => word !== '');
  return articles
    .filter((article) => {
      if (words.length === 0) return true;
      const haystack = [article.id, article.title, article.answer, ...article.examples]
        .join('\n')
        .toLowerCase();
      return words.every((word) => haystack.includes(word));
    })
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
}
