import type { SiteKey } from '@hitl/shared/site-keys';
import { type Connection, Schema } from 'mongoose';
import { insertOrConflict } from './mongo-connection';
import { isKey } from './mongo-rows';
import type { SiteKeyMethods } from './store';

interface SiteKeyDoc {
  /** The site key. */
  _id: string;
  name: string;
  origins: string[];
  greeting: string;
  updatedAt: string;
}

const siteKeySchema = new Schema<SiteKeyDoc>(
  {
    _id: { type: String },
    name: { type: String },
    origins: { type: [String] },
    greeting: { type: String },
    updatedAt: { type: String },
  },
  {
    versionKey: false,
    strict: 'throw',
    strictQuery: 'throw',
    id: false,
    autoIndex: false,
    autoCreate: false,
  },
);

/** Widget site keys, one document per key. */
export async function createMongoSiteKeys(connection: Connection): Promise<SiteKeyMethods> {
  const siteKeys = connection.model('SiteKey', siteKeySchema, 'site_keys');
  // No secondary indexes: the key is the document id.
  await siteKeys.createCollection();

  return {
    async listSiteKeys() {
      const docs = await siteKeys.find().sort({ _id: 1 }).lean<SiteKeyDoc[]>();
      return docs.map(toSiteKey);
    },

    async getSiteKey(key) {
      if (!isKey(key)) return null;
      const doc = await siteKeys.findById(key).lean<SiteKeyDoc>();
      return doc === null ? null : toSiteKey(doc);
    },

    async createSiteKey(siteKey) {
      const { key, ...rest } = siteKey;
      await insertOrConflict(() => siteKeys.create({ _id: key, ...rest }), { entity: 'site key', key });
      return { ...siteKey, origins: [...siteKey.origins] };
    },

    async updateSiteKey(key, patch) {
      if (!isKey(key)) return null;
      const set: Partial<SiteKeyDoc> = { updatedAt: patch.updatedAt };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.origins !== undefined) set.origins = patch.origins;
      if (patch.greeting !== undefined) set.greeting = patch.greeting;
      const doc = await siteKeys
        .findOneAndUpdate({ _id: key }, { $set: set }, { returnDocument: 'after' })
        .lean<SiteKeyDoc>();
      return doc === null ? null : toSiteKey(doc);
    },

    async deleteSiteKey(key) {
      if (!isKey(key)) return false;
      return (await siteKeys.deleteOne({ _id: key })).deletedCount > 0;
    },
  };
}

function toSiteKey(doc: SiteKeyDoc): SiteKey {
  return {
    key: doc._id,
    name: doc.name,
    origins: [...doc.origins],
    greeting: doc.greeting,
    updatedAt: doc.updatedAt,
  };
}
