import { isDuplicateKeyError } from './mongo-connection';
import type { SettingDoc } from './mongo-documents';
import type { MongoModels } from './mongo-models';
import { isKey, toSetting, toSettingJson } from './mongo-rows';
import type { SettingMethods } from './store';

/** Settings edited in the console, one document per key. */
export function createMongoSettings(models: MongoModels): SettingMethods {
  const { settings } = models;

  return {
    async getSetting(key) {
      if (!isKey(key)) return null;
      const doc = await settings.findById(key).lean<SettingDoc>();
      return doc === null ? null : toSetting(doc);
    },

    async putSetting(key, value, updatedAt) {
      if (!isKey(key)) throw new TypeError('a setting key must be a string');
      const upsert = () =>
        settings.updateOne(
          { _id: key },
          { $set: { value: toSettingJson(value), updatedAt } },
          { upsert: true },
        );
      try {
        await upsert();
      } catch (error) {
        // Two first writes of one key can both try the insert; the loser now finds the document.
        if (!isDuplicateKeyError(error)) throw error;
        await upsert();
      }
    },
  };
}
