import type { KnowledgeArticle } from '@hitl/shared/knowledge';
import type { Author } from '@hitl/shared/models';
import mongoose, { Schema } from 'mongoose';
import { isDuplicateKeyError } from './mongo-connection';
import type { MessageDoc } from './mongo-documents';
import type { MongoModels } from './mongo-models';
import { isKey, toMessage } from './mongo-rows';
import type { KeyedQueue } from './mongo-write-queue';
import type { KnowledgeMethods } from './store';
import { StoreConflictError } from './store-errors';
import { toUtcIso } from './timestamps';

export interface ArticleDoc {
  _id: string;
  title: string;
  topic: KnowledgeArticle['topic'];
  answer: string;
  examples: string[];
  status: KnowledgeArticle['status'];
  version: number;
  createdAt: string;
  createdBy: Author | null;
  updatedAt: string;
  updatedBy: Author | null;
}

const text = { type: String };
export const articleSchema = new Schema<ArticleDoc>(
  {
    _id: text,
    title: text,
    topic: text,
    answer: text,
    examples: { type: [String] },
    status: text,
    version: { type: Number },
    createdAt: text,
    createdBy: { type: Schema.Types.Mixed, default: null },
    updatedAt: text,
    updatedBy: { type: Schema.Types.Mixed, default: null },
  },
  {
    versionKey: false,
    strict: 'throw',
    strictQuery: 'throw',
    minimize: false,
    id: false,
    autoIndex: false,
    autoCreate: false,
  },
);
articleSchema.index({ status: 1, createdAt: 1, _id: 1 });

/**
 * Knowledge-base articles and the withheld bot replies. Updates are conditional on the version and,
 * like a conversation's writes, queued per article in this process, because FerretDB v1 does not apply
 * a conditional update atomically (on MongoDB the condition alone decides).
 */
export function createMongoArticles(models: MongoModels, serialize: KeyedQueue): KnowledgeMethods {
  const { articles, messages } = models;

  return {
    async createArticle(input) {
      const doc: ArticleDoc = {
        _id: input.id,
        title: input.title,
        topic: input.topic,
        answer: input.answer,
        examples: [...input.examples],
        status: input.status,
        version: 1,
        createdAt: input.createdAt,
        createdBy: authorOf(input.createdBy),
        updatedAt: input.createdAt,
        updatedBy: authorOf(input.createdBy),
      };
      try {
        await articles.create(doc);
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new StoreConflictError('article', input.id);
        throw error;
      }
      return toArticle(doc);
    },

    async getArticle(id) {
      if (!isKey(id)) return null;
      const doc = await articles.findById(id).lean<ArticleDoc>();
      return doc === null ? null : toArticle(doc);
    },

    async listArticles(status) {
      const docs = await articles
        .find(status === undefined ? {} : { status })
        .sort({ createdAt: 1, _id: 1 })
        .lean<ArticleDoc[]>();
      return docs.map(toArticle);
    },

    async updateArticle(id, expectedVersion, patch) {
      if (!isKey(id)) return null;
      const { updatedBy, ...fields } = patch;
      const set: Record<string, unknown> = { ...fields, updatedBy: authorOf(updatedBy) };
      for (const key of Object.keys(set)) if (set[key] === undefined) delete set[key];
      const doc = await serialize(`article:${id}`, () =>
        articles
          .findOneAndUpdate(
            { _id: id, version: expectedVersion },
            { $set: set, $inc: { version: 1 } },
            { returnDocument: 'after' },
          )
          .lean<ArticleDoc>(),
      );
      if (doc !== null) return toArticle(doc);
      if ((await articles.exists({ _id: id })) === null) return null;
      throw new StoreConflictError('article', id);
    },

    async listWithheldReplies(since, limit) {
      const docs = await messages
        .find({
          role: 'bot',
          visibility: 'internal',
          draft: null,
          createdAt: mongoose.trusted({ $gte: toUtcIso(since) }),
        })
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit)
        .lean<MessageDoc[]>();
      return docs.map(toMessage);
    },
  };
}

function authorOf(author: Author | null): Author | null {
  return author === null ? null : { id: author.id, name: author.name };
}

function toArticle(doc: ArticleDoc): KnowledgeArticle {
  return {
    id: doc._id,
    title: doc.title,
    topic: doc.topic,
    answer: doc.answer,
    examples: [...doc.examples],
    status: doc.status,
    version: doc.version,
    createdAt: doc.createdAt,
    createdBy: doc.createdBy ?? null,
    updatedAt: doc.updatedAt,
    updatedBy: doc.updatedBy ?? null,
  };
}
