import type { Correction } from '@hitl/shared/models';
import type { CorrectionFilter } from '@hitl/shared/rest';
import type Database from 'better-sqlite3';
import { buildCorrectionQuery, whereClause } from './sqlite-correction-query';
import { mapConstraints, openReader, type Sql, type SqlParams } from './sqlite-database';
import { type CorrectionRow, toCorrection, toJson } from './sqlite-rows';
import type { CorrectionMethods, Store } from './store';
import { changedSinceRead, StoreNotFoundError } from './store-errors';

/** Rows fetched per round trip when an in-memory database is streamed in pages. */
const PAGE_SIZE = 256;

/**
 * The correction half of the SQLite store. `file` is null for an in-memory database, which has no
 * second connection to stream from and is read in keyset pages instead.
 */
export function createSqliteCorrections(
  db: Database.Database,
  sql: Sql,
  file: string | null,
  openStreams: Set<() => void>,
): CorrectionMethods {
  const create = db.transaction((input: Parameters<Store['createCorrection']>[0]) => {
    const message = sql(
      'SELECT 1 FROM messages WHERE id = @messageId AND conversation_id = @conversationId',
    ).get({ messageId: input.messageId, conversationId: input.conversationId });
    if (message === undefined) throw new StoreNotFoundError('message', input.messageId);
    return sql<CorrectionRow>(
      `INSERT INTO corrections (id, conversation_id, message_id, context, original, corrected_text, topic,
         kind, reasons, note, agent_id, agent_name, edit_distance, time_spent_ms, created_at)
       VALUES (@id, @conversationId, @messageId, @context, @original, @correctedText, @topic,
         @kind, @reasons, @note, @agentId, @agentName, @editDistance, @timeSpentMs, @createdAt)
       RETURNING *`,
    ).get({
      id: input.id,
      conversationId: input.conversationId,
      messageId: input.messageId,
      context: JSON.stringify(input.context),
      original: JSON.stringify(input.original),
      correctedText: input.correctedText,
      topic: input.topic,
      kind: input.kind,
      reasons: JSON.stringify(input.reasons),
      note: input.note,
      agentId: input.agent.id,
      agentName: input.agent.name,
      editDistance: input.editDistance,
      timeSpentMs: input.timeSpentMs,
      createdAt: input.createdAt,
    }) as CorrectionRow;
  });

  return {
    async createCorrection(input) {
      const row = mapConstraints(() => create.immediate(input), { entity: 'correction', key: input.id });
      return toCorrection(row);
    },

    async getCorrection(id) {
      const row = sql<CorrectionRow>('SELECT * FROM corrections WHERE id = @id').get({ id });
      return row === undefined ? null : toCorrection(row);
    },

    async listCorrections(filter, page) {
      const { conditions, params } = buildCorrectionQuery(filter);
      const rows = sql<CorrectionRow>(
        `SELECT * FROM corrections ${whereClause(conditions)}
         ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset`,
      ).all({ ...params, limit: page?.limit ?? -1, offset: page?.offset ?? 0 });
      return rows.map(toCorrection);
    },

    iterateCorrections(filter) {
      return file === null ? iteratePages(sql, filter) : iterateSnapshot(file, openStreams, filter);
    },

    async deletePendingCorrection(id) {
      const result = sql("DELETE FROM corrections WHERE id = @id AND review_status = 'pending'").run({ id });
      return result.changes > 0;
    },

    async reviewCorrection(id, review) {
      const { unchanged } = review;
      const row = sql<CorrectionRow>(
        `UPDATE corrections
         SET review_status = @status, reviewer = @reviewer, reviewed_at = @at, review_note = @note,
             review_edited = @edited, review_time_ms = @reviewTimeMs,
             corrected_text = COALESCE(@correctedText, corrected_text),
             edit_distance = COALESCE(@editDistance, edit_distance)
         WHERE id = @id AND (@checked = 0 OR (reviewed_at IS @seenAt AND corrected_text = @seenText))
         RETURNING *`,
      ).get({
        id,
        checked: unchanged ? 1 : 0,
        seenAt: unchanged?.reviewedAt ?? null,
        seenText: unchanged?.correctedText ?? null,
        status: review.status,
        reviewer: toJson(review.reviewer),
        at: review.at,
        note: review.note,
        reviewTimeMs: review.timeSpentMs ?? null,
        edited: review.edited ? 1 : 0,
        correctedText: review.correctedText ?? null,
        editDistance: review.editDistance ?? null,
      });
      if (row !== undefined) return toCorrection(row);
      if (unchanged && sql('SELECT 1 FROM corrections WHERE id = @id').get({ id }) !== undefined) {
        throw changedSinceRead(id);
      }
      return null;
    },
  };
}

/**
 * Streams from a read-only connection of its own: `iterate()` is a real cursor over one snapshot,
 * and the main connection stays free for writes while the consumer takes its time. `openStreams`
 * holds a way to stop it, used when the store closes under a consumer that is still reading.
 */
async function* iterateSnapshot(
  file: string,
  openStreams: Set<() => void>,
  filter: CorrectionFilter,
): AsyncGenerator<Correction> {
  const { conditions, params } = buildCorrectionQuery(filter);
  const reader = openReader(file);
  let rows: IterableIterator<CorrectionRow>;
  try {
    rows = reader
      .prepare<[SqlParams], CorrectionRow>(
        `SELECT * FROM corrections ${whereClause(conditions)} ORDER BY created_at ASC, id ASC`,
      )
      .iterate(params);
  } catch (error) {
    reader.close();
    throw error;
  }
  let interrupted = false;
  const stop = () => {
    interrupted = true;
    rows.return?.();
    reader.close();
  };
  openStreams.add(stop);
  try {
    for (const row of rows) yield toCorrection(row);
    // A cursor stopped from outside ends like a finished one; say so rather than pass off a partial export.
    if (interrupted) throw new Error('the store was closed while corrections were being streamed');
  } finally {
    openStreams.delete(stop);
    if (!interrupted) {
      rows.return?.();
      reader.close();
    }
  }
}

/**
 * In-memory variant: keyset pages of bounded size on the main connection, so no statement stays
 * open across a `yield` (an open cursor there would make every write fail until it is drained).
 */
async function* iteratePages(sql: Sql, filter: CorrectionFilter): AsyncGenerator<Correction> {
  const { conditions, params } = buildCorrectionQuery(filter);
  const page = sql<CorrectionRow>(
    `SELECT * FROM corrections
     ${whereClause([...conditions, '(created_at, id) > (@afterCreatedAt, @afterId)'])}
     ORDER BY created_at ASC, id ASC LIMIT ${PAGE_SIZE}`,
  );
  let after = { afterCreatedAt: '', afterId: '' };
  for (;;) {
    const rows: CorrectionRow[] = [];
    for (const row of page.iterate({ ...params, ...after })) rows.push(row);
    for (const row of rows) yield toCorrection(row);
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE_SIZE) return;
    after = { afterCreatedAt: last.created_at, afterId: last.id };
  }
}
