import type { ImportResult, KnowledgeArticle, KnowledgeFormat } from '@hitl/shared/knowledge';
import type { Agent } from '@hitl/shared/models';
import { parseKnowledgeFile } from '../../knowledge/parse-knowledge-file';
import { createId } from '../../lib/ids';
import { StoreConflictError } from '../../store/store-errors';
import { DomainError } from '../domain-error';
import { authorOf, nowIso, type ServiceContext } from '../service-context';
import { assertMayEditKnowledge } from './article-permissions';
import { audit, changedFields, contentOf, writeArticle } from './edit-article';
import { applyKnowledgeChange } from './reload-articles';

const PROBLEMS_IN_MESSAGE = 5;

/**
 * Imports a file (JSON in the knowledge-base format, CSV or Markdown): articles with a new id are
 * created, those with an existing id updated (their status kept), identical ones left alone. Every
 * article is validated first; if any has a problem nothing is written. A dry run answers what would
 * happen, with every problem, and writes nothing.
 */
export async function importArticles(
  ctx: ServiceContext,
  agent: Agent,
  text: string,
  options: { format: KnowledgeFormat; dryRun: boolean },
): Promise<ImportResult> {
  assertMayEditKnowledge(agent);
  const { articles, problems } = parseKnowledgeFile(text, options.format);
  const existing = new Map((await ctx.store.listArticles()).map((a) => [a.id, a]));
  const plan = articles.map((article) => {
    const before = existing.get(article.id);
    const action = !before ? 'create' : changedFields(before, article).length > 0 ? 'update' : 'unchanged';
    return { article, before, action } as const;
  });
  const result: ImportResult = {
    dryRun: options.dryRun,
    applied: false,
    created: plan.filter((p) => p.action === 'create').length,
    updated: plan.filter((p) => p.action === 'update').length,
    unchanged: plan.filter((p) => p.action === 'unchanged').length,
    items: plan.map((p) => ({ id: p.article.id, title: p.article.title, action: p.action })),
    problems,
  };
  if (options.dryRun) return result;
  if (problems.length > 0) {
    const listed = problems
      .slice(0, PROBLEMS_IN_MESSAGE)
      .map((p) => `${p.where}: ${p.message}`)
      .join('; ');
    const more =
      problems.length > PROBLEMS_IN_MESSAGE ? ` (and ${problems.length - PROBLEMS_IN_MESSAGE} more)` : '';
    throw new DomainError(
      'invalid_payload',
      `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} — ${listed}${more}.`,
    );
  }

  const changed: KnowledgeArticle[] = [];
  try {
    for (const { article, before, action } of plan) {
      if (action === 'unchanged') continue;
      if (action === 'create') {
        const created = await ctx.store
          .createArticle({
            ...contentOf(article),
            id: article.id,
            status: 'active',
            createdBy: authorOf(agent),
            createdAt: nowIso(ctx),
          })
          .catch((error: unknown) => {
            if (error instanceof StoreConflictError)
              throw new DomainError(
                'conflict',
                `The article "${article.id}" was created meanwhile by someone else.`,
              );
            throw error;
          });
        await audit(ctx, agent, 'knowledge.created', created, { via: `import:${options.format}` });
        changed.push(created);
      } else if (before) {
        // Over the version read above: an edit that landed since is not overwritten.
        const updated = await writeArticle(ctx, agent, article.id, before.version, contentOf(article));
        await audit(ctx, agent, 'knowledge.updated', updated, {
          via: `import:${options.format}`,
          changed: changedFields(before, article),
        });
        changed.push(updated);
      }
    }
  } finally {
    // Also after a write that failed half-way (a concurrent edit): what was written is taught.
    if (changed.length > 0) await applyKnowledgeChange(ctx);
  }
  await ctx.store.appendAudit({
    id: createId('aud'),
    actor: authorOf(agent),
    action: 'knowledge.imported',
    target: null,
    data: {
      format: options.format,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
    },
    at: nowIso(ctx),
  });
  return { ...result, applied: true };
}
