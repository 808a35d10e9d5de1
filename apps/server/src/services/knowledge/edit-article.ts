import type { ArticleContent, ArticleCreate, ArticleStatus, KnowledgeArticle } from '@hitl/shared/knowledge';
import type { Agent } from '@hitl/shared/models';
import { slugOf } from '../../knowledge/import-candidates';
import { createId } from '../../lib/ids';
import type { ArticlePatch } from '../../store/store';
import { StoreConflictError } from '../../store/store-errors';
import { DomainError } from '../domain-error';
import { authorOf, nowIso, type ServiceContext } from '../service-context';
import { assertMayEditKnowledge } from './article-permissions';
import { applyKnowledgeChange } from './reload-articles';

/** A reviewer or admin adds an article; the bot answers from it with the next question. */
export async function createArticle(
  ctx: ServiceContext,
  agent: Agent,
  input: ArticleCreate,
): Promise<KnowledgeArticle> {
  assertMayEditKnowledge(agent);
  const id = input.id ?? slugOf(input.title);
  const at = nowIso(ctx);
  const article = await ctx.store
    .createArticle({ ...contentOf(input), id, status: 'active', createdBy: authorOf(agent), createdAt: at })
    .catch((error: unknown) => {
      if (error instanceof StoreConflictError)
        throw new DomainError('conflict', `An article with the id "${id}" already exists.`);
      throw error;
    });
  await audit(ctx, agent, 'knowledge.created', article, { title: article.title, topic: article.topic });
  await applyKnowledgeChange(ctx);
  return article;
}

/** An edit over the version the editor read; a change someone made meanwhile is a 409 naming them. */
export async function updateArticle(
  ctx: ServiceContext,
  agent: Agent,
  id: string,
  input: ArticleContent & { expectedVersion: number },
): Promise<KnowledgeArticle> {
  assertMayEditKnowledge(agent);
  const before = await requireArticle(ctx, id);
  const content = contentOf(input);
  const changed = changedFields(before, content);
  const updated = await writeArticle(ctx, agent, id, input.expectedVersion, content);
  await audit(ctx, agent, 'knowledge.updated', updated, { changed });
  await applyKnowledgeChange(ctx);
  return updated;
}

/** Retired articles are kept (and can be restored) but never answered from. */
export async function setArticleStatus(
  ctx: ServiceContext,
  agent: Agent,
  id: string,
  status: ArticleStatus,
  expectedVersion: number,
): Promise<KnowledgeArticle> {
  assertMayEditKnowledge(agent);
  const before = await requireArticle(ctx, id);
  if (before.version === expectedVersion && before.status === status)
    throw new DomainError('invalid_state', `This article is already ${status}.`);
  if (status === 'retired' && before.status === 'active') {
    const active = await ctx.store.listArticles('active');
    if (active.length <= 1)
      throw new DomainError('invalid_state', 'The last active article cannot be retired: the bot needs one.');
  }
  const updated = await writeArticle(ctx, agent, id, expectedVersion, { status });
  await audit(ctx, agent, status === 'retired' ? 'knowledge.retired' : 'knowledge.restored', updated, {});
  await applyKnowledgeChange(ctx);
  return updated;
}

/** The store's compare-and-set, with a stale version turned into a 409 that says who changed it. */
export async function writeArticle(
  ctx: ServiceContext,
  agent: Agent,
  id: string,
  expectedVersion: number,
  patch: Omit<ArticlePatch, 'updatedAt' | 'updatedBy'>,
): Promise<KnowledgeArticle> {
  const updated = await ctx.store
    .updateArticle(id, expectedVersion, { ...patch, updatedBy: authorOf(agent), updatedAt: nowIso(ctx) })
    .catch(async (error: unknown) => {
      if (!(error instanceof StoreConflictError)) throw error;
      throw staleVersion(await ctx.store.getArticle(id));
    });
  if (!updated) throw new DomainError('not_found', 'No such article.');
  return updated;
}

export async function requireArticle(ctx: ServiceContext, id: string): Promise<KnowledgeArticle> {
  const article = await ctx.store.getArticle(id);
  if (!article) throw new DomainError('not_found', 'No such article.');
  return article;
}

export function staleVersion(now: KnowledgeArticle | null): DomainError {
  if (!now) return new DomainError('not_found', 'No such article.');
  const who = now.updatedBy?.name ?? 'the knowledge-base import';
  return new DomainError(
    'conflict',
    `${who} changed this article meanwhile (it is now at version ${now.version}). Reload it and apply your change again.`,
  );
}

export function contentOf(input: ArticleContent): ArticleContent {
  return { title: input.title, topic: input.topic, answer: input.answer, examples: [...input.examples] };
}

export function changedFields(before: ArticleContent, after: ArticleContent): string[] {
  return (['title', 'topic', 'answer', 'examples'] as const).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

export async function audit(
  ctx: ServiceContext,
  agent: Agent,
  action: string,
  article: KnowledgeArticle,
  data: Record<string, unknown>,
): Promise<void> {
  await ctx.store.appendAudit({
    id: createId('aud'),
    actor: authorOf(agent),
    action,
    target: article.id,
    data: { version: article.version, ...data },
    at: article.updatedAt,
  });
}
