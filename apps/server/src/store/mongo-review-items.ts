import type { Reason } from '@hitl/shared/models';
import type { ReviewItem, ReviewItemStatus } from '@hitl/shared/review-items';
import mongoose, { type Connection, Schema } from 'mongoose';
import { insertOrConflict } from './mongo-connection';
import type { MessageDoc } from './mongo-documents';
import type { MongoModels } from './mongo-models';
import { isKey } from './mongo-rows';
import type { KeyedQueue } from './mongo-write-queue';
import type { ReviewItemMethods } from './store';
import { StoreNotFoundError } from './store-errors';

interface ReviewItemDoc {
  _id: string;
  conversationId: string;
  /** Unique: one item per answer. */
  messageId: string;
  question: string;
  answer: string;
  confidence: number;
  topic: string | null;
  reasons: Reason[];
  createdAt: string;
  status: ReviewItemStatus;
  reviewer: { id: string; name: string } | null;
  reviewedAt: string | null;
  correctionId: string | null;
}

const reviewItemSchema = new Schema<ReviewItemDoc>(
  {
    _id: { type: String },
    conversationId: { type: String },
    messageId: { type: String },
    question: { type: String },
    answer: { type: String },
    confidence: { type: Number },
    topic: { type: String, default: null },
    reasons: { type: Schema.Types.Mixed },
    createdAt: { type: String },
    status: { type: String },
    reviewer: { type: Schema.Types.Mixed, default: null },
    reviewedAt: { type: String, default: null },
    correctionId: { type: String, default: null },
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
reviewItemSchema.index({ messageId: 1 }, { unique: true });
reviewItemSchema.index({ status: 1, createdAt: -1, _id: -1 });
reviewItemSchema.index({ createdAt: -1, _id: -1 });

/** The review-later list, and the recent customer questions its order counts against. */
export async function createMongoReviewItems(
  connection: Connection,
  models: MongoModels,
  serialize: KeyedQueue,
): Promise<ReviewItemMethods> {
  const items = connection.model('ReviewItem', reviewItemSchema, 'review_items');
  await items.createIndexes();
  const { messages } = models;

  return {
    async createReviewItem(input) {
      const message = await messages.exists({ _id: input.messageId });
      if (message === null) throw new StoreNotFoundError('message', input.messageId);
      const { id, ...rest } = input;
      const doc: ReviewItemDoc = {
        _id: id,
        ...rest,
        status: 'pending',
        reviewer: null,
        reviewedAt: null,
        correctionId: null,
      };
      await insertOrConflict(() => items.create(doc), { entity: 'review item', key: input.messageId });
      return toReviewItem(doc);
    },

    async getReviewItem(id) {
      if (!isKey(id)) return null;
      const doc = await items.findById(id).lean<ReviewItemDoc>();
      return doc === null ? null : toReviewItem(doc);
    },

    async findReviewItemByMessage(messageId) {
      if (!isKey(messageId)) return null;
      const doc = await items.findOne({ messageId }).lean<ReviewItemDoc>();
      return doc === null ? null : toReviewItem(doc);
    },

    async listReviewItems(query) {
      const filter: Record<string, unknown> = {};
      if (query.status !== 'any') filter.status = query.status;
      if (query.since !== undefined) filter.createdAt = mongoose.trusted({ $gte: query.since });
      const direction = query.oldestFirst ? 1 : -1;
      const docs = await items
        .find(filter)
        .sort({ createdAt: direction, _id: direction })
        .limit(query.limit)
        .lean<ReviewItemDoc[]>();
      return docs.map(toReviewItem);
    },

    async markReviewItem(id, mark) {
      if (!isKey(id)) return null;
      // Conditional on the item still being pending; queued by item because FerretDB v1 would otherwise
      // let two concurrent marks both match (on MongoDB the condition alone decides).
      const doc = await serialize(`review:${id}`, () =>
        items
          .findOneAndUpdate(
            { _id: id, status: 'pending' },
            {
              $set: {
                status: mark.status,
                reviewer: mark.reviewer,
                reviewedAt: mark.at,
                correctionId: mark.correctionId,
              },
            },
            { returnDocument: 'after' },
          )
          .lean<ReviewItemDoc>(),
      );
      return doc === null ? null : toReviewItem(doc);
    },

    async listRecentCustomerTexts(since, limit) {
      const docs = await messages
        .find({ role: 'customer', createdAt: mongoose.trusted({ $gte: since }) })
        .sort({ createdAt: -1 })
        .limit(limit)
        .select({ text: 1 })
        .lean<Pick<MessageDoc, 'text'>[]>();
      return docs.map((doc) => doc.text);
    },
  };
}

function toReviewItem(doc: ReviewItemDoc): ReviewItem {
  return {
    id: doc._id,
    conversationId: doc.conversationId,
    messageId: doc.messageId,
    question: doc.question,
    answer: doc.answer,
    confidence: doc.confidence,
    topic: doc.topic ?? null,
    reasons: doc.reasons,
    createdAt: doc.createdAt,
    status: doc.status,
    reviewer: doc.reviewer ? { id: doc.reviewer.id, name: doc.reviewer.name } : null,
    reviewedAt: doc.reviewedAt ?? null,
    correctionId: doc.correctionId ?? null,
  };
}
