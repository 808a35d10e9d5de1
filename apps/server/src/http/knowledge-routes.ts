import {
  articleCreateSchema,
  articleIdSchema,
  articleListQuerySchema,
  type articleListResponseSchema,
  type articleResponseSchema,
  articleStatusChangeSchema,
  articleUpdateSchema,
  type importResultSchema,
  knowledgeExportQuerySchema,
  knowledgeGapQuerySchema,
  type knowledgeGapsResponseSchema,
  knowledgeImportQuerySchema,
} from '@hitl/shared/knowledge';
import express, { Router } from 'express';
import type { z } from 'zod';
import { formatKnowledgeFile, knowledgeFileTypes } from '../knowledge/format-knowledge-file';
import { DomainError } from '../services/domain-error';
import {
  createArticle,
  requireArticle,
  setArticleStatus,
  updateArticle,
} from '../services/knowledge/edit-article';
import { findKnowledgeGaps } from '../services/knowledge/find-knowledge-gaps';
import { importArticles } from '../services/knowledge/import-articles';
import { listArticles } from '../services/knowledge/list-articles';
import type { ServiceContext } from '../services/service-context';
import { agentOf, parseOr400, route } from './rest-handler';

type ArticleBody = z.infer<typeof articleResponseSchema>;

/** An import file is sent as it is, as text; a knowledge base is far larger than a JSON request body. */
const IMPORT_LIMIT = '2mb';

/** The knowledge base: read by every agent, changed by reviewers and admins (checked by the services). */
export function knowledgeRoutes(ctx: ServiceContext): Router {
  const router = Router();
  const log = ctx.logger;

  router.get(
    '/knowledge/articles',
    route(log, async (req, res) => {
      const query = parseOr400(articleListQuerySchema, req.query, res);
      if (!query) return;
      const articles = await listArticles(ctx, query);
      res.json({ articles } satisfies z.infer<typeof articleListResponseSchema>);
    }),
  );
  router.post(
    '/knowledge/articles',
    route(log, async (req, res) => {
      const body = parseOr400(articleCreateSchema, req.body, res);
      if (!body) return;
      const article = await createArticle(ctx, agentOf(res), body);
      res.status(201).json({ article } satisfies ArticleBody);
    }),
  );
  router.get(
    '/knowledge/articles/:id',
    route(log, async (req, res) => {
      const id = parseOr400(articleIdSchema, req.params.id, res);
      if (!id) return;
      res.json({ article: await requireArticle(ctx, id) } satisfies ArticleBody);
    }),
  );
  router.put(
    '/knowledge/articles/:id',
    route(log, async (req, res) => {
      const id = parseOr400(articleIdSchema, req.params.id, res);
      const body = id && parseOr400(articleUpdateSchema, req.body, res);
      if (!id || !body) return;
      const article = await updateArticle(ctx, agentOf(res), id, body);
      res.json({ article } satisfies ArticleBody);
    }),
  );
  for (const [action, status] of [
    ['retire', 'retired'],
    ['restore', 'active'],
  ] as const) {
    router.post(
      `/knowledge/articles/:id/${action}`,
      route(log, async (req, res) => {
        const id = parseOr400(articleIdSchema, req.params.id, res);
        const body = id && parseOr400(articleStatusChangeSchema, req.body, res);
        if (!id || !body) return;
        const article = await setArticleStatus(ctx, agentOf(res), id, status, body.expectedVersion);
        res.json({ article } satisfies ArticleBody);
      }),
    );
  }
  router.post(
    '/knowledge/import',
    express.text({ type: 'text/*', limit: IMPORT_LIMIT }),
    route(log, async (req, res) => {
      const query = parseOr400(knowledgeImportQuerySchema, req.query, res);
      if (!query) return;
      if (typeof req.body !== 'string')
        throw new DomainError('invalid_payload', 'Send the file itself as the request body, as text/plain.');
      const result = await importArticles(ctx, agentOf(res), req.body, query);
      res.json(result satisfies z.infer<typeof importResultSchema>);
    }),
  );
  router.get(
    '/knowledge/export',
    route(log, async (req, res) => {
      const query = parseOr400(knowledgeExportQuerySchema, req.query, res);
      if (!query) return;
      const articles = await listArticles(ctx, { status: query.status });
      articles.sort((a, b) => a.id.localeCompare(b.id));
      const type = knowledgeFileTypes[query.format];
      res.setHeader('Content-Type', type.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="knowledge-base.${type.extension}"`);
      res.send(formatKnowledgeFile(articles, query.format));
    }),
  );
  router.get(
    '/knowledge/gaps',
    route(log, async (req, res) => {
      const query = parseOr400(knowledgeGapQuerySchema, req.query, res);
      if (!query) return;
      const gaps = await findKnowledgeGaps(ctx, query.days);
      res.json(gaps satisfies z.infer<typeof knowledgeGapsResponseSchema>);
    }),
  );
  return router;
}
