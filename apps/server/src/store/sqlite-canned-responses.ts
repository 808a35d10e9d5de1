import type { CannedResponse } from '@hitl/shared/canned-responses';
import type { Author } from '@hitl/shared/models';
import { mapConstraints, type Sql } from './sqlite-database';
import type { CannedResponseMethods } from './store';

interface CannedResponseRow {
  id: string;
  title: string;
  shortcut: string;
  text: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** The team's canned responses; the table's unique shortcut is what keeps two from sharing one. */
export function createSqliteCannedResponses(sql: Sql): CannedResponseMethods {
  const get = (id: string): CannedResponse | null => {
    const row = sql<CannedResponseRow>('SELECT * FROM canned_responses WHERE id = @id').get({ id });
    return row === undefined ? null : toCannedResponse(row);
  };

  return {
    async createCannedResponse(input) {
      const author = input.createdBy === null ? null : JSON.stringify(input.createdBy);
      mapConstraints(
        () =>
          sql(
            `INSERT INTO canned_responses (id, title, shortcut, text, created_at, created_by, updated_at, updated_by)
             VALUES (@id, @title, @shortcut, @text, @createdAt, @author, @createdAt, @author)`,
          ).run({
            id: input.id,
            title: input.title,
            shortcut: input.shortcut,
            text: input.text,
            createdAt: input.createdAt,
            author,
          }),
        { entity: 'canned response', key: `${input.id} or /${input.shortcut}` },
      );
      return get(input.id) as CannedResponse;
    },

    async getCannedResponse(id) {
      return get(id);
    },

    async listCannedResponses() {
      return sql<CannedResponseRow>('SELECT * FROM canned_responses ORDER BY shortcut, id')
        .all()
        .map(toCannedResponse);
    },

    async updateCannedResponse(id, patch) {
      const result = mapConstraints(
        () =>
          sql(
            `UPDATE canned_responses SET title = @title, shortcut = @shortcut, text = @text,
               updated_at = @updatedAt, updated_by = @updatedBy
             WHERE id = @id`,
          ).run({
            id,
            title: patch.title,
            shortcut: patch.shortcut,
            text: patch.text,
            updatedAt: patch.updatedAt,
            updatedBy: JSON.stringify(patch.updatedBy),
          }),
        { entity: 'canned response', key: `/${patch.shortcut}` },
      );
      return result.changes === 0 ? null : get(id);
    },

    async deleteCannedResponse(id) {
      const row = sql<CannedResponseRow>('DELETE FROM canned_responses WHERE id = @id RETURNING *').get({
        id,
      });
      return row === undefined ? null : toCannedResponse(row);
    },
  };
}

function toCannedResponse(row: CannedResponseRow): CannedResponse {
  return {
    id: row.id,
    title: row.title,
    shortcut: row.shortcut,
    text: row.text,
    createdAt: row.created_at,
    createdBy: row.created_by === null ? null : (JSON.parse(row.created_by) as Author),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by === null ? null : (JSON.parse(row.updated_by) as Author),
  };
}
