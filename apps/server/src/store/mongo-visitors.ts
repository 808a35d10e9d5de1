import type { VisitorIdentity, VisitorPage, VisitorProfile } from '@hitl/shared/visitor-context';
import mongoose, { type QueryFilter, Schema } from 'mongoose';
import { isDuplicateKeyError } from './mongo-connection';
import type { ConversationDoc } from './mongo-documents';
import type { MongoModels } from './mongo-models';
import { isKey, toConversation } from './mongo-rows';
import type { KeyedQueue } from './mongo-write-queue';
import type { VisitorMethods } from './store';
import { toUtcIso } from './timestamps';

export interface VisitorProfileDoc {
  /** `[siteKey, visitorId]` as JSON: unique without a separator that a key could contain. */
  _id: string;
  siteKey: string;
  visitorId: string;
  identity: VisitorIdentity | null;
  page: VisitorPage | null;
  updatedAt: string;
}

const text = { type: String };
const json = { type: Schema.Types.Mixed, default: null };
export const visitorProfileSchema = new Schema<VisitorProfileDoc>(
  { _id: text, siteKey: text, visitorId: text, identity: json, page: json, updatedAt: text },
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

const profileId = (siteKey: string, visitorId: string) => JSON.stringify([siteKey, visitorId]);

/**
 * Visitor profiles, one document per site and visitor, and a visitor's conversations. Updates go through
 * the per-process queue as well, because FerretDB v1 does not apply an update atomically.
 */
export function createMongoVisitors(models: MongoModels, serialize: KeyedQueue): VisitorMethods {
  const { visitorProfiles, conversations } = models;
  const get = async (id: string) => {
    const doc = await visitorProfiles.findById(id).lean<VisitorProfileDoc>();
    return doc === null ? null : toVisitorProfile(doc);
  };

  return {
    async getVisitorProfile(siteKey, visitorId) {
      if (!isKey(siteKey) || !isKey(visitorId)) return null;
      return get(profileId(siteKey, visitorId));
    },

    async updateVisitorProfile(siteKey, visitorId, patch) {
      if (!isKey(siteKey) || !isKey(visitorId)) throw new TypeError('a visitor key must be a string');
      const id = profileId(siteKey, visitorId);
      const set: Partial<VisitorProfileDoc> = { siteKey, visitorId, updatedAt: patch.updatedAt };
      if (patch.identity) set.identity = patch.identity;
      if (patch.page) set.page = patch.page;
      const upsert = () =>
        visitorProfiles.updateOne(
          { _id: id },
          // A new document gets null for the parts this patch does not carry.
          {
            $set: set,
            $setOnInsert: {
              ...(patch.identity ? {} : { identity: null }),
              ...(patch.page ? {} : { page: null }),
            },
          },
          { upsert: true },
        );
      return serialize(id, async () => {
        try {
          await upsert();
        } catch (error) {
          // Two first writes can both try the insert; the loser now finds the document.
          if (!isDuplicateKeyError(error)) throw error;
          await upsert();
        }
        return (await get(id)) as VisitorProfile;
      });
    },

    async listVisitorConversations(query) {
      if (!isKey(query.siteKey) || !isKey(query.visitorId)) return [];
      const filter: QueryFilter<ConversationDoc> = { siteKey: query.siteKey, visitorId: query.visitorId };
      const conditions: QueryFilter<ConversationDoc>[] = [];
      if (query.excludeId !== undefined) {
        if (!isKey(query.excludeId)) return [];
        conditions.push({ _id: mongoose.trusted({ $ne: query.excludeId }) });
      }
      if (query.before !== undefined) {
        const updatedAt = toUtcIso(query.before.updatedAt);
        conditions.push({
          $or: [
            { updatedAt: mongoose.trusted({ $lt: updatedAt }) },
            { updatedAt, _id: mongoose.trusted({ $lt: query.before.id }) },
          ],
        });
      }
      if (conditions.length > 0) filter.$and = conditions;
      const docs = await conversations
        .find(filter)
        .sort({ updatedAt: -1, _id: -1 })
        .limit(query.limit)
        .lean<ConversationDoc[]>();
      return docs.map(toConversation);
    },
  };
}

function toVisitorProfile(doc: VisitorProfileDoc): VisitorProfile {
  return {
    siteKey: doc.siteKey,
    visitorId: doc.visitorId,
    identity: doc.identity ?? null,
    page: doc.page ?? null,
    updatedAt: doc.updatedAt,
  };
}
