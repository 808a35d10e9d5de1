import type { VisitorProfile } from '@hitl/shared/visitor-context';
import type { Sql, SqlParams } from './sqlite-database';
import { type ConversationRow, toConversation } from './sqlite-rows';
import type { VisitorMethods } from './store';
import { toUtcIso } from './timestamps';

interface VisitorProfileRow {
  site_key: string;
  visitor_id: string;
  identity: string | null;
  page: string | null;
  updated_at: string;
}

/** Visitor profiles (one row per site and visitor, each part a JSON column) and a visitor's conversations. */
export function createSqliteVisitors(sql: Sql): VisitorMethods {
  const get = (siteKey: string, visitorId: string) => {
    const row = sql<VisitorProfileRow>(
      'SELECT * FROM visitor_profiles WHERE site_key = @siteKey AND visitor_id = @visitorId',
    ).get({ siteKey, visitorId });
    return row === undefined ? null : toVisitorProfile(row);
  };

  return {
    async getVisitorProfile(siteKey, visitorId) {
      return get(siteKey, visitorId);
    },

    async updateVisitorProfile(siteKey, visitorId, patch) {
      // One upsert: a part the patch does not carry keeps its stored value.
      sql(
        `INSERT INTO visitor_profiles (site_key, visitor_id, identity, page, updated_at)
         VALUES (@siteKey, @visitorId, @identity, @page, @updatedAt)
         ON CONFLICT (site_key, visitor_id) DO UPDATE SET
           identity = CASE WHEN @setIdentity THEN excluded.identity ELSE identity END,
           page = CASE WHEN @setPage THEN excluded.page ELSE page END,
           updated_at = excluded.updated_at`,
      ).run({
        siteKey,
        visitorId,
        identity: patch.identity ? JSON.stringify(patch.identity) : null,
        page: patch.page ? JSON.stringify(patch.page) : null,
        setIdentity: patch.identity ? 1 : 0,
        setPage: patch.page ? 1 : 0,
        updatedAt: patch.updatedAt,
      });
      return get(siteKey, visitorId) as VisitorProfile;
    },

    async listVisitorConversations(query) {
      const params: SqlParams = {
        siteKey: query.siteKey,
        visitorId: query.visitorId,
        excludeId: query.excludeId ?? null,
        limit: query.limit,
      };
      let page = '';
      if (query.before !== undefined) {
        page = 'AND (updated_at < @beforeAt OR (updated_at = @beforeAt AND id < @beforeId))';
        params.beforeAt = toUtcIso(query.before.updatedAt);
        params.beforeId = query.before.id;
      }
      const rows = sql<ConversationRow>(
        `SELECT * FROM conversations INDEXED BY conversations_by_visitor_recent
         WHERE site_key = @siteKey AND visitor_id = @visitorId
           AND (@excludeId IS NULL OR id <> @excludeId) ${page}
         ORDER BY updated_at DESC, id DESC LIMIT @limit`,
      ).all(params);
      return rows.map(toConversation);
    },
  };
}

function toVisitorProfile(row: VisitorProfileRow): VisitorProfile {
  return {
    siteKey: row.site_key,
    visitorId: row.visitor_id,
    identity: row.identity === null ? null : JSON.parse(row.identity),
    page: row.page === null ? null : JSON.parse(row.page),
    updatedAt: row.updated_at,
  };
}
