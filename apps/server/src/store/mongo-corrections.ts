import type { Correction } from '@hitl/shared/models';
import type { CorrectionFilter } from '@hitl/shared/rest';
import mongoose, { type QueryFilter, type UpdateQuery } from 'mongoose';
import { insertOrConflict } from './mongo-connection';
import type { CorrectionDoc } from './mongo-documents';
import type { MongoModels } from './mongo-models';
import { isKey, toCorrection } from './mongo-rows';
import type { CorrectionMethods } from './store';
import { changedSinceRead, StoreNotFoundError } from './store-errors';
import { toUtcIso } from './timestamps';

/** Documents a streaming cursor fetches per round trip: memory stays bounded by this. */
const STREAM_BATCH_SIZE = 100;

/**
 * The correction half of the mongo store. `openStreams` holds a way to stop each open stream,
 * used when the store closes under a consumer that is still reading.
 */
export function createMongoCorrections(models: MongoModels, openStreams: Set<() => void>): CorrectionMethods {
  const { corrections, messages } = models;

  return {
    async createCorrection(input) {
      const message = await messages.exists({ _id: input.messageId, conversationId: input.conversationId });
      if (message === null) throw new StoreNotFoundError('message', input.messageId);
      const doc: CorrectionDoc = {
        _id: input.id,
        conversationId: input.conversationId,
        messageId: input.messageId,
        context: input.context,
        original: input.original,
        correctedText: input.correctedText,
        topic: input.topic,
        kind: input.kind,
        reasons: [...input.reasons],
        note: input.note,
        agentId: input.agent.id,
        agentName: input.agent.name,
        editDistance: input.editDistance,
        timeSpentMs: input.timeSpentMs,
        createdAt: input.createdAt,
        review: { status: 'pending', reviewer: null, at: null, note: null, edited: false },
      };
      await insertOrConflict(() => corrections.create(doc), { entity: 'correction', key: input.id });
      return toCorrection(structuredClone(doc));
    },

    async getCorrection(id) {
      if (!isKey(id)) return null;
      const doc = await corrections.findById(id).lean<CorrectionDoc>();
      return doc === null ? null : toCorrection(doc);
    },

    async listCorrections(filter, page) {
      let find = corrections.find(correctionFilter(filter)).sort({ createdAt: -1, _id: -1 });
      if (page !== undefined) find = find.skip(page.offset).limit(page.limit);
      return (await find.lean<CorrectionDoc[]>()).map(toCorrection);
    },

    iterateCorrections(filter) {
      return streamCorrections(models, openStreams, filter);
    },

    async deletePendingCorrection(id) {
      if (!isKey(id)) return false;
      const result = await corrections.deleteOne({ _id: id, 'review.status': 'pending' });
      return result.deletedCount > 0;
    },

    async reviewCorrection(id, review) {
      if (!isKey(id)) return null;
      const update: UpdateQuery<CorrectionDoc> = {
        $set: {
          'review.status': review.status,
          'review.reviewer': review.reviewer,
          'review.at': review.at,
          'review.note': review.note,
          'review.edited': review.edited,
          'review.timeSpentMs': review.timeSpentMs ?? null,
          ...(review.correctedText === undefined ? {} : { correctedText: review.correctedText }),
          ...(review.editDistance === undefined ? {} : { editDistance: review.editDistance }),
        },
      };
      const { unchanged } = review;
      const filter = unchanged
        ? { _id: id, 'review.at': unchanged.reviewedAt, correctedText: unchanged.correctedText }
        : { _id: id };
      const doc = await corrections
        .findOneAndUpdate(filter, update, { returnDocument: 'after' })
        .lean<CorrectionDoc>();
      if (doc !== null) return toCorrection(doc);
      if (unchanged && (await corrections.exists({ _id: id })) !== null) throw changedSinceRead(id);
      return null;
    },
  };
}

/**
 * A server-side cursor read in batches, oldest first: memory is bounded by the batch size whatever
 * the number of corrections, and the connection pool keeps serving other calls meanwhile.
 */
async function* streamCorrections(
  models: MongoModels,
  openStreams: Set<() => void>,
  filter: CorrectionFilter,
): AsyncGenerator<Correction> {
  const cursor = models.corrections
    .find(correctionFilter(filter))
    .sort({ createdAt: 1, _id: 1 })
    .lean<CorrectionDoc[]>()
    .cursor({ batchSize: STREAM_BATCH_SIZE });
  let interrupted = false;
  const stop = () => {
    interrupted = true;
  };
  openStreams.add(stop);
  try {
    for await (const doc of cursor) {
      // Buffered documents would otherwise let a stream cut short by close() end as if complete.
      if (interrupted) break;
      yield toCorrection(doc);
    }
    if (interrupted) throw new Error('the store was closed while corrections were being streamed');
  } finally {
    openStreams.delete(stop);
    await cursor.close().catch(() => undefined);
  }
}

/**
 * Translates the shared filter. `since` is inclusive and `until` exclusive; both are normalised to
 * `toISOString()` form so they compare correctly with the stored timestamps.
 */
function correctionFilter(filter: CorrectionFilter): QueryFilter<CorrectionDoc> {
  const query: QueryFilter<CorrectionDoc> = {};
  if (filter.status !== 'any') query['review.status'] = filter.status;
  if (filter.kind !== undefined) query.kind = filter.kind;
  if (filter.reason !== undefined) query.reasons = filter.reason;
  if (filter.topic !== undefined) query.topic = filter.topic;
  if (filter.agentId !== undefined) query.agentId = filter.agentId;
  const range: { $gte?: string; $lt?: string } = {};
  if (filter.since !== undefined) range.$gte = toUtcIso(filter.since);
  if (filter.until !== undefined) range.$lt = toUtcIso(filter.until);
  if (range.$gte !== undefined || range.$lt !== undefined) query.createdAt = mongoose.trusted(range);
  return query;
}
