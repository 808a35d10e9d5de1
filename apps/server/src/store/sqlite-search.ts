import { searchSnippet, searchTerms } from '@hitl/shared/conversation-search';
import type { MessageRole } from '@hitl/shared/models';
import { listParams } from './sqlite-conversations';
import type { Sql, SqlParams } from './sqlite-database';
import { type ConversationRow, toConversation } from './sqlite-rows';
import type { ConversationSearch, SearchMethods } from './store';
import { toUtcIso } from './timestamps';

type HitRow = ConversationRow & {
  hit_id: string | null;
  hit_seq: number | null;
  hit_role: MessageRole | null;
  hit_text: string | null;
  hit_created_at: string | null;
};

/** Conversation search: one SQL statement per page, the words matched by the FTS5 index `messages_fts`. */
export function createSqliteSearch(sql: Sql): SearchMethods {
  return {
    async searchConversations(query) {
      const terms = searchTerms(query.text ?? '');
      const params: SqlParams = { limit: query.limit + 1 };
      const where = conditions(query, params);
      const filter = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
      let statement: string;
      if (terms.length === 0) {
        statement = `SELECT c.*, NULL AS hit_id, NULL AS hit_seq, NULL AS hit_role, NULL AS hit_text,
                       NULL AS hit_created_at
                     FROM conversations c ${filter}
                     ORDER BY c.updated_at DESC, c.id DESC LIMIT @limit`;
      } else {
        // Each word quoted: FTS5 reads it as a plain token, never as query syntax; the words are ANDed.
        params.match = terms.map((term) => `"${term}"`).join(' ');
        statement = `WITH hits AS (
                       SELECT m.conversation_id, max(m.seq) AS seq
                       FROM messages_fts f JOIN messages m ON m.id = f.message_id
                       WHERE messages_fts MATCH @match
                       GROUP BY m.conversation_id
                     )
                     SELECT c.*, m.id AS hit_id, m.seq AS hit_seq, m.role AS hit_role, m.text AS hit_text,
                       m.created_at AS hit_created_at
                     FROM hits h
                     JOIN conversations c ON c.id = h.conversation_id
                     JOIN messages m ON m.conversation_id = h.conversation_id AND m.seq = h.seq
                     ${filter}
                     ORDER BY c.updated_at DESC, c.id DESC LIMIT @limit`;
      }
      const rows = sql<HitRow>(statement).all(params);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        hits: page.map((row) => ({
          conversation: toConversation(row),
          match:
            row.hit_id === null
              ? null
              : {
                  messageId: row.hit_id,
                  seq: row.hit_seq ?? 0,
                  role: row.hit_role ?? 'customer',
                  createdAt: row.hit_created_at ?? '',
                  snippet: searchSnippet(row.hit_text ?? '', terms),
                },
        })),
        next: rows.length > query.limit && last ? { updatedAt: last.updated_at, id: last.id } : null,
      };
    },
  };
}

function conditions(query: ConversationSearch, params: SqlParams): string[] {
  const where: string[] = [];
  if (query.states !== undefined) where.push(`c.state IN (${listParams('state', query.states, params)})`);
  if (query.reason !== undefined) {
    where.push(
      "EXISTS (SELECT 1 FROM json_each(c.reasons) r WHERE json_extract(r.value, '$.signal') = @reason)",
    );
    params.reason = query.reason;
  }
  if (query.topic !== undefined) {
    where.push(
      `EXISTS (SELECT 1 FROM messages t WHERE t.conversation_id = c.id AND t.bot IS NOT NULL
               AND json_extract(t.bot, '$.topic') = @topic)`,
    );
    params.topic = query.topic;
  }
  if (query.agentId !== undefined) {
    where.push('c.assignee_id = @agentId');
    params.agentId = query.agentId;
  }
  if (query.siteKey !== undefined) {
    where.push('c.site_key = @siteKey');
    params.siteKey = query.siteKey;
  }
  if (query.from !== undefined) {
    where.push('c.updated_at >= @from');
    params.from = toUtcIso(query.from);
  }
  if (query.to !== undefined) {
    where.push('c.updated_at < @to');
    params.to = toUtcIso(query.to);
  }
  if (query.before !== undefined) {
    where.push('(c.updated_at < @beforeAt OR (c.updated_at = @beforeAt AND c.id < @beforeId))');
    params.beforeAt = toUtcIso(query.before.updatedAt);
    params.beforeId = query.before.id;
  }
  return where;
}
