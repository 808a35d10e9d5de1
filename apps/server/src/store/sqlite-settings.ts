import type { Sql } from './sqlite-database';
import { type SettingRow, toSetting, toSettingJson } from './sqlite-rows';
import type { SettingMethods } from './store';

/** Settings edited in the console, one JSON value per key. */
export function createSqliteSettings(sql: Sql): SettingMethods {
  return {
    async getSetting(key) {
      const row = sql<SettingRow>('SELECT * FROM settings WHERE key = @key').get({ key });
      return row === undefined ? null : toSetting(row);
    },

    async putSetting(key, value, updatedAt) {
      sql(
        `INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @updatedAt)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      ).run({ key, value: toSettingJson(value), updatedAt });
    },
  };
}
