import type { SiteKey } from '@hitl/shared/site-keys';
import { mapConstraints, type Sql } from './sqlite-database';
import type { SiteKeyMethods } from './store';

interface SiteKeyRow {
  key: string;
  name: string;
  /** JSON array of strings. */
  origins: string;
  greeting: string;
  updated_at: string;
}

/** Widget site keys, one row per key. */
export function createSqliteSiteKeys(sql: Sql): SiteKeyMethods {
  const get = (key: string) => sql<SiteKeyRow>('SELECT * FROM site_keys WHERE key = @key').get({ key });

  return {
    async listSiteKeys() {
      return sql<SiteKeyRow>('SELECT * FROM site_keys ORDER BY key').all().map(toSiteKey);
    },

    async getSiteKey(key) {
      const row = get(key);
      return row === undefined ? null : toSiteKey(row);
    },

    async createSiteKey(siteKey) {
      const row = mapConstraints(
        () =>
          sql<SiteKeyRow>(
            `INSERT INTO site_keys (key, name, origins, greeting, updated_at)
             VALUES (@key, @name, @origins, @greeting, @updatedAt) RETURNING *`,
          ).get({ ...siteKey, origins: JSON.stringify(siteKey.origins) }),
        { entity: 'site key', key: siteKey.key },
      );
      return toSiteKey(row as SiteKeyRow);
    },

    async updateSiteKey(key, patch) {
      const row = sql<SiteKeyRow>(
        `UPDATE site_keys SET name = coalesce(@name, name), origins = coalesce(@origins, origins),
           greeting = coalesce(@greeting, greeting), updated_at = @updatedAt
         WHERE key = @key RETURNING *`,
      ).get({
        key,
        name: patch.name ?? null,
        origins: patch.origins === undefined ? null : JSON.stringify(patch.origins),
        greeting: patch.greeting ?? null,
        updatedAt: patch.updatedAt,
      });
      return row === undefined ? null : toSiteKey(row);
    },

    async deleteSiteKey(key) {
      return sql('DELETE FROM site_keys WHERE key = @key').run({ key }).changes > 0;
    },
  };
}

function toSiteKey(row: SiteKeyRow): SiteKey {
  return {
    key: row.key,
    name: row.name,
    origins: JSON.parse(row.origins) as string[],
    greeting: row.greeting,
    updatedAt: row.updated_at,
  };
}
