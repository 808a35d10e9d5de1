import type { CannedResponse } from '@hitl/shared/canned-responses';
import type { Author } from '@hitl/shared/models';
import { type Connection, Schema } from 'mongoose';
import { insertOrConflict, isDuplicateKeyError } from './mongo-connection';
import { isKey } from './mongo-rows';
import type { CannedResponseMethods } from './store';
import { StoreConflictError } from './store-errors';

interface CannedResponseDoc {
  _id: string;
  title: string;
  /** Unique: the index decides between two editors taking the same shortcut. */
  shortcut: string;
  text: string;
  createdAt: string;
  createdBy: Author | null;
  updatedAt: string;
  updatedBy: Author | null;
}

const cannedResponseSchema = new Schema<CannedResponseDoc>(
  {
    _id: { type: String },
    title: { type: String },
    shortcut: { type: String },
    text: { type: String },
    createdAt: { type: String },
    createdBy: { type: Schema.Types.Mixed, default: null },
    updatedAt: { type: String },
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
cannedResponseSchema.index({ shortcut: 1 }, { unique: true });

/** The team's canned responses, each one document; every write is a single-document operation. */
export async function createMongoCannedResponses(connection: Connection): Promise<CannedResponseMethods> {
  const canned = connection.model('CannedResponse', cannedResponseSchema, 'canned_responses');
  await canned.createIndexes();

  return {
    async createCannedResponse(input) {
      const author = authorOf(input.createdBy);
      const doc: CannedResponseDoc = {
        _id: input.id,
        title: input.title,
        shortcut: input.shortcut,
        text: input.text,
        createdAt: input.createdAt,
        createdBy: author,
        updatedAt: input.createdAt,
        updatedBy: author,
      };
      await insertOrConflict(() => canned.create(doc), {
        entity: 'canned response',
        key: `${input.id} or /${input.shortcut}`,
      });
      return toCannedResponse(doc);
    },

    async getCannedResponse(id) {
      if (!isKey(id)) return null;
      const doc = await canned.findById(id).lean<CannedResponseDoc>();
      return doc === null ? null : toCannedResponse(doc);
    },

    async listCannedResponses() {
      const docs = await canned.find({}).sort({ shortcut: 1, _id: 1 }).lean<CannedResponseDoc[]>();
      return docs.map(toCannedResponse);
    },

    async updateCannedResponse(id, patch) {
      if (!isKey(id)) return null;
      try {
        const result = await canned.updateOne(
          { _id: id },
          {
            $set: {
              title: patch.title,
              shortcut: patch.shortcut,
              text: patch.text,
              updatedAt: patch.updatedAt,
              updatedBy: authorOf(patch.updatedBy),
            },
          },
        );
        if (result.matchedCount === 0) return null;
      } catch (error) {
        if (isDuplicateKeyError(error) || isFerretUniqueViolation(error))
          throw new StoreConflictError('canned response', `/${patch.shortcut}`);
        throw error;
      }
      const doc = await canned.findById(id).lean<CannedResponseDoc>();
      return doc === null ? null : toCannedResponse(doc);
    },

    async deleteCannedResponse(id) {
      if (!isKey(id)) return null;
      const doc = await canned.findOneAndDelete({ _id: id }).lean<CannedResponseDoc>();
      return doc === null ? null : toCannedResponse(doc);
    },
  };
}

/**
 * FerretDB v1 reports a unique-index collision of an update as an `InternalError` carrying SQLite's message
 * instead of MongoDB's duplicate-key code 11000; the index still decided, only the code differs.
 */
function isFerretUniqueViolation(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed/.test(error.message);
}

function authorOf(author: Author | null): Author | null {
  return author === null ? null : { id: author.id, name: author.name };
}

function toCannedResponse(doc: CannedResponseDoc): CannedResponse {
  return {
    id: doc._id,
    title: doc.title,
    shortcut: doc.shortcut,
    text: doc.text,
    createdAt: doc.createdAt,
    createdBy: doc.createdBy,
    updatedAt: doc.updatedAt,
    updatedBy: doc.updatedBy,
  };
}
