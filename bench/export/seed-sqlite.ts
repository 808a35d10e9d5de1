import type { BotMeta } from '@hitl/shared/models';
import { openDatabase } from '../../apps/server/src/store/sqlite-database';
import type { CorrectionRow } from '../../apps/server/src/store/sqlite-rows';
import { generateCorrections } from './generate-corrections';

const BATCH = 20_000;

/**
 * Fills a fresh SQLite store with generated corrections, their conversations and bot replies, in
 * transactions of 20,000 rows with prepared statements and without waiting for the disk after each
 * commit (the store itself waits; a benchmark's data can be regenerated).
 */
export function seedSqlite(file: string, rows: number): void {
  const db = openDatabase(file);
  try {
    db.pragma('synchronous = OFF');
    const conversation = db.prepare(
      `INSERT INTO conversations (id, site_key, visitor_id, state, created_at, updated_at)
       VALUES (@id, 'demo', @visitorId, 'closed', @createdAt, @createdAt)`,
    );
    const message = db.prepare(
      `INSERT INTO messages (id, conversation_id, seq, role, visibility, text, bot, correction_id, created_at)
       VALUES (@id, @conversationId, @seq, 'bot', 'public', @text, @bot, @correctionId, @createdAt)`,
    );
    const correction = db.prepare<[CorrectionRow]>(
      `INSERT INTO corrections (id, conversation_id, message_id, context, original, corrected_text, topic, kind,
         reasons, note, agent_id, agent_name, edit_distance, time_spent_ms, created_at, review_status, reviewer,
         reviewed_at, review_note, review_edited)
       VALUES (@id, @conversation_id, @message_id, @context, @original, @corrected_text, @topic, @kind,
         @reasons, @note, @agent_id, @agent_name, @edit_distance, @time_spent_ms, @created_at, @review_status,
         @reviewer, @reviewed_at, @review_note, @review_edited)`,
    );
    const insert = db.transaction((batch: ReturnType<typeof generateCorrections>, size: number) => {
      for (let i = 0; i < size; i++) {
        const next = batch.next();
        if (next.done) return;
        const row = next.value;
        const c = row.correction;
        if (row.conversation) {
          conversation.run({ ...row.conversation, visitorId: `v_${row.conversation.id}` });
        }
        const bot: BotMeta = {
          confidence: c.original.confidence ?? 0.5,
          responder: 'offline',
          modelId: 'kb-v3',
          sources: [],
          alternatives: [],
          topic: row.reply.topic,
        };
        message.run({ ...row.reply, bot: JSON.stringify(bot), correctionId: c.id });
        correction.run({
          id: c.id,
          conversation_id: c.conversationId,
          message_id: c.messageId,
          context: JSON.stringify(c.context),
          original: JSON.stringify(c.original),
          corrected_text: c.correctedText,
          topic: c.topic,
          kind: c.kind,
          reasons: JSON.stringify(c.reasons),
          note: c.note,
          agent_id: c.agent.id,
          agent_name: c.agent.name,
          edit_distance: c.editDistance,
          time_spent_ms: c.timeSpentMs,
          created_at: c.createdAt,
          review_status: 'approved',
          reviewer: JSON.stringify(c.reviewer),
          reviewed_at: c.reviewedAt,
          review_note: null,
          review_edited: 0,
        });
      }
    });
    const rowsLeft = generateCorrections(rows);
    for (let done = 0; done < rows; done += BATCH) insert(rowsLeft, Math.min(BATCH, rows - done));
  } finally {
    db.close();
  }
}
