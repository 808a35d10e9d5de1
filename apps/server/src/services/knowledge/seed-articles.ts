import type { KnowledgeArticle } from '@hitl/shared/knowledge';
import type { Article } from '../../knowledge/knowledge-base';
import { createId } from '../../lib/ids';
import type { Store } from '../../store/store';
import { StoreConflictError } from '../../store/store-errors';

/**
 * On first start the store has no articles: they are seeded from the knowledge-base file. From then on
 * the store is the source of truth and the file is not read again. Several nodes starting at once on an
 * empty store may both seed: each article id is created once, the other node's copy is skipped.
 */
export async function seedArticles(
  store: Store,
  fromFile: () => Article[],
  at: string,
): Promise<KnowledgeArticle[]> {
  const existing = await store.listArticles();
  if (existing.length > 0) return existing.filter((article) => article.status === 'active');
  const articles = fromFile();
  const start = new Date(at).getTime();
  let created = 0;
  for (const [index, article] of articles.entries()) {
    try {
      // A millisecond apart, so the store lists them in the file's order (the model is trained in that order).
      const createdAt = new Date(start + index).toISOString();
      await store.createArticle({ ...article, status: 'active', createdBy: null, createdAt });
      created++;
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error;
    }
  }
  if (created > 0) {
    await store.appendAudit({
      id: createId('aud'),
      actor: null,
      action: 'knowledge.seeded',
      target: null,
      data: { articles: created },
      at,
    });
  }
  return store.listArticles('active');
}
