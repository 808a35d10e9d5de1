import type { KnowledgeArticle } from '@hitl/shared/knowledge';
import type { Article } from '../../knowledge/knowledge-base';
import type { ServiceContext } from '../service-context';

type ReloadContext = Pick<ServiceContext, 'store' | 'responder' | 'knowledgeQueue'>;

/**
 * Gives the responder the store's active articles. Reloads run one after another, each reading the store
 * when its turn comes, so the last one to finish has the latest articles whatever order changes land in.
 */
export function reloadArticles(ctx: ReloadContext): Promise<void> {
  return ctx.knowledgeQueue.run('articles', async () => {
    const active = await ctx.store.listArticles('active');
    await ctx.responder.setArticles(active.map(toResponderArticle));
  });
}

/** After a change on this node: the responder here is taught at once, the other nodes are told to reload. */
export async function applyKnowledgeChange(ctx: ServiceContext): Promise<void> {
  await reloadArticles(ctx);
  ctx.notifier.knowledgeChanged();
}

export function toResponderArticle(article: KnowledgeArticle): Article {
  return {
    id: article.id,
    title: article.title,
    topic: article.topic,
    answer: article.answer,
    examples: [...article.examples],
  };
}
