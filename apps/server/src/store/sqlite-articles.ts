import type { KnowledgeArticle } from '@hitl/shared/knowledge';
import type { Author } from '@hitl/shared/models';
import { mapConstraints, type Sql } from './sqlite-database';
import { type MessageRow, toMessage } from './sqlite-rows';
import type { KnowledgeMethods } from './store';
import { StoreConflictError } from './store-errors';
import { toUtcIso } from './timestamps';

interface ArticleRow {
  id: string;
  title: string;
  topic: KnowledgeArticle['topic'];
  answer: string;
  examples: string;
  status: KnowledgeArticle['status'];
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** Knowledge-base articles, versioned for optimistic concurrency, and the withheld bot replies. */
export function createSqliteArticles(sql: Sql): KnowledgeMethods {
  const get = (id: string) => sql<ArticleRow>('SELECT * FROM articles WHERE id = @id').get({ id });

  return {
    async createArticle(input) {
      const row = mapConstraints(
        () =>
          sql<ArticleRow>(
            `INSERT INTO articles (id, title, topic, answer, examples, status, version,
               created_at, created_by, updated_at, updated_by)
             VALUES (@id, @title, @topic, @answer, @examples, @status, 1,
               @createdAt, @createdBy, @createdAt, @createdBy) RETURNING *`,
          ).get({
            id: input.id,
            title: input.title,
            topic: input.topic,
            answer: input.answer,
            examples: JSON.stringify(input.examples),
            status: input.status,
            createdAt: input.createdAt,
            createdBy: authorJson(input.createdBy),
          }),
        { entity: 'article', key: input.id },
      );
      return toArticle(row as ArticleRow);
    },

    async getArticle(id) {
      const row = get(id);
      return row === undefined ? null : toArticle(row);
    },

    async listArticles(status) {
      const rows =
        status === undefined
          ? sql<ArticleRow>('SELECT * FROM articles ORDER BY created_at, id').all()
          : sql<ArticleRow>('SELECT * FROM articles WHERE status = @status ORDER BY created_at, id').all({
              status,
            });
      return rows.map(toArticle);
    },

    async updateArticle(id, expectedVersion, patch) {
      // One conditional statement: the version check and the change cannot be separated.
      const row = sql<ArticleRow>(
        `UPDATE articles SET
           title = coalesce(@title, title), topic = coalesce(@topic, topic),
           answer = coalesce(@answer, answer), examples = coalesce(@examples, examples),
           status = coalesce(@status, status), version = version + 1,
           updated_at = @updatedAt, updated_by = @updatedBy
         WHERE id = @id AND version = @expectedVersion RETURNING *`,
      ).get({
        id,
        expectedVersion,
        title: patch.title ?? null,
        topic: patch.topic ?? null,
        answer: patch.answer ?? null,
        examples: patch.examples === undefined ? null : JSON.stringify(patch.examples),
        status: patch.status ?? null,
        updatedAt: patch.updatedAt,
        updatedBy: authorJson(patch.updatedBy),
      });
      if (row !== undefined) return toArticle(row);
      if (get(id) === undefined) return null;
      throw new StoreConflictError('article', id);
    },

    async listWithheldReplies(since, limit) {
      const rows = sql<MessageRow>(
        `SELECT * FROM messages
         WHERE role = 'bot' AND visibility = 'internal' AND draft IS NULL AND created_at >= @since
         ORDER BY created_at DESC, id DESC LIMIT @limit`,
      ).all({ since: toUtcIso(since), limit });
      return rows.map(toMessage);
    },
  };
}

function authorJson(author: Author | null): string | null {
  return author === null ? null : JSON.stringify({ id: author.id, name: author.name });
}

function toArticle(row: ArticleRow): KnowledgeArticle {
  return {
    id: row.id,
    title: row.title,
    topic: row.topic,
    answer: row.answer,
    examples: JSON.parse(row.examples) as string[],
    status: row.status,
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by === null ? null : (JSON.parse(row.created_by) as Author),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by === null ? null : (JSON.parse(row.updated_by) as Author),
  };
}
