import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { articleTopicSchema } from '@hitl/shared/models';
import { z } from 'zod';

export { type ArticleTopic, articleTopicSchema, articleTopics } from '@hitl/shared/models';

export const articleSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id'),
  title: z.string().trim().min(1),
  topic: articleTopicSchema,
  answer: z.string().trim().min(1),
  examples: z.array(z.string().trim().min(1)).min(1, 'needs at least one example question'),
});
export type Article = z.infer<typeof articleSchema>;

export const knowledgeBaseSchema = z
  .array(articleSchema)
  .min(1, 'must contain at least one article')
  .superRefine((articles, ctx) => {
    const seen = new Set<string>();
    articles.forEach((article, index) => {
      if (seen.has(article.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate article id "${article.id}"`,
          path: [index, 'id'],
        });
      }
      seen.add(article.id);
    });
  });

/** The knowledge base shipped with the server. */
export const defaultKnowledgeBasePath = fileURLToPath(new URL('./shop-knowledge-base.json', import.meta.url));

/** Reads and validates a knowledge-base file; throws an Error naming the file and the first problem. */
export function loadKnowledgeBase(path: string = defaultKnowledgeBasePath): Article[] {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Knowledge base ${path} could not be read: ${describeError(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new Error(`Knowledge base ${path} is not valid JSON: ${describeError(error)}`);
  }
  const parsed = knowledgeBaseSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${formatPath(issue.path)}` : '';
    const extra =
      parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more issues)` : '';
    throw new Error(
      `Knowledge base ${path} is invalid${where}: ${issue?.message ?? 'unknown issue'}${extra}`,
    );
  }
  return parsed.data;
}

function formatPath(path: readonly PropertyKey[]): string {
  const joined = path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
  return joined.startsWith('.') ? joined.slice(1) : joined;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
