import { z } from 'zod';
import { articleTopicSchema, authorSchema } from './models';

/** An article id: kebab-case, as in the knowledge-base file. */
export const articleIdSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id');

export const articleStatuses = ['active', 'retired'] as const;
export const articleStatusSchema = z.enum(articleStatuses);
export type ArticleStatus = z.infer<typeof articleStatusSchema>;

export const MAX_ARTICLE_EXAMPLES = 200;

const exampleQuestionSchema = z.string().trim().min(1, 'an example question is empty').max(500);

/** What an editor writes: the parts of an article a person can change. */
export const articleContentSchema = z.strictObject({
  title: z.string().trim().min(1, 'the title is empty').max(200),
  topic: articleTopicSchema,
  answer: z.string().trim().min(1, 'the answer is empty').max(4000),
  examples: z
    .array(exampleQuestionSchema)
    .min(1, 'needs at least one example question')
    .max(MAX_ARTICLE_EXAMPLES)
    .refine((list) => new Set(list.map(normalizeExample)).size === list.length, {
      message: 'an example question is listed twice',
    }),
});
export type ArticleContent = z.infer<typeof articleContentSchema>;

/** A knowledge-base article as stored; `version` grows by one with every change. */
export const knowledgeArticleSchema = z.object({
  id: articleIdSchema,
  title: z.string(),
  topic: articleTopicSchema,
  answer: z.string(),
  examples: z.array(z.string()),
  status: articleStatusSchema,
  version: z.number().int().min(1),
  createdAt: z.string(),
  createdBy: authorSchema.nullable(),
  updatedAt: z.string(),
  updatedBy: authorSchema.nullable(),
});
export type KnowledgeArticle = z.infer<typeof knowledgeArticleSchema>;

/** POST /api/knowledge/articles; without an id, one is made from the title. */
export const articleCreateSchema = articleContentSchema.extend({ id: articleIdSchema.optional() });
export type ArticleCreate = z.infer<typeof articleCreateSchema>;

/** PUT /api/knowledge/articles/:id: the new content over the version the editor read. */
export const articleUpdateSchema = articleContentSchema.extend({
  expectedVersion: z.number().int().min(1),
});
export type ArticleUpdate = z.infer<typeof articleUpdateSchema>;

/** POST /api/knowledge/articles/:id/retire and …/restore. */
export const articleStatusChangeSchema = z.strictObject({ expectedVersion: z.number().int().min(1) });

export const articleListQuerySchema = z.strictObject({
  search: z.string().trim().max(200).optional(),
  status: z.union([articleStatusSchema, z.literal('any')]).default('any'),
});
export type ArticleListQuery = z.infer<typeof articleListQuerySchema>;

export const articleListResponseSchema = z.object({ articles: z.array(knowledgeArticleSchema) });
export const articleResponseSchema = z.object({ article: knowledgeArticleSchema });

export const knowledgeFormats = ['json', 'csv', 'markdown'] as const;
export const knowledgeFormatSchema = z.enum(knowledgeFormats);
export type KnowledgeFormat = z.infer<typeof knowledgeFormatSchema>;

/** POST /api/knowledge/import?format=…&dryRun=…, the file's text as a `text/plain` body. */
export const knowledgeImportQuerySchema = z.strictObject({
  format: knowledgeFormatSchema,
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const knowledgeExportQuerySchema = z.strictObject({
  format: knowledgeFormatSchema.default('json'),
  status: z.union([articleStatusSchema, z.literal('any')]).default('active'),
});

/** One problem of an import file, located by line (CSV, Markdown) or item (JSON). */
export const importProblemSchema = z.object({ where: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importActionSchema = z.enum(['create', 'update', 'unchanged']);

/**
 * What an import answers. A dry run lists what would happen (and every problem); a real import with a
 * problem is refused with 400 `invalid_payload` and writes nothing.
 */
export const importResultSchema = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  items: z.array(z.object({ id: z.string(), title: z.string(), action: importActionSchema })),
  problems: z.array(importProblemSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** GET /api/knowledge/gaps: questions no article answered well, over the last `days`. */
export const knowledgeGapQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(365).default(30),
});

export const gapQuestionSchema = z.object({
  text: z.string(),
  conversationId: z.string(),
  at: z.string(),
  /** Why it counts as a gap: the bot's answer was withheld for low confidence, or an agent corrected it. */
  source: z.enum(['low_confidence', 'corrected']),
});
export type GapQuestion = z.infer<typeof gapQuestionSchema>;

export const knowledgeGapSchema = z.object({
  /** Stable while the same questions lead the group; for the console's keys. */
  id: z.string(),
  count: z.number().int().min(1),
  /** The question most alike to the others: the suggested title. */
  typicalQuestion: z.string(),
  /** Distinct questions of the group, most recent first (at most 20). */
  questions: z.array(gapQuestionSchema),
  /** What agents answered, most common first. */
  agentAnswers: z.array(z.object({ text: z.string(), count: z.number().int().min(1) })),
  /** The topic the bot guessed most often; null when it had none. */
  topic: z.string().nullable(),
  lastAskedAt: z.string(),
});
export type KnowledgeGap = z.infer<typeof knowledgeGapSchema>;

export const knowledgeGapsResponseSchema = z.object({
  since: z.string(),
  /** How many questions were looked at (bounded: the most recent ones). */
  scanned: z.number().int(),
  gaps: z.array(knowledgeGapSchema),
});
export type KnowledgeGapsResponse = z.infer<typeof knowledgeGapsResponseSchema>;

/** Two example questions are the same when they differ only in case, spacing or final punctuation. */
export function normalizeExample(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[?.!\s]+$/, '');
}
