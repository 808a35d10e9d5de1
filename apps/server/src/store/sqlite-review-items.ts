import type { Reason } from '@hitl/shared/models';
import type { ReviewItem, ReviewItemStatus } from '@hitl/shared/review-items';
import { mapConstraints, type Sql } from './sqlite-database';
import type { ReviewItemMethods } from './store';

interface ReviewItemRow {
  id: string;
  conversation_id: string;
  message_id: string;
  question: string;
  answer: string;
  confidence: number;
  topic: string | null;
  reasons: string;
  created_at: string;
  status: ReviewItemStatus;
  reviewer_id: string | null;
  reviewer_name: string | null;
  reviewed_at: string | null;
  correction_id: string | null;
}

/** The review-later list, and the recent customer questions its order counts against. */
export function createSqliteReviewItems(sql: Sql): ReviewItemMethods {
  const get = (id: string) => {
    const row = sql<ReviewItemRow>('SELECT * FROM review_items WHERE id = @id').get({ id });
    return row === undefined ? null : toReviewItem(row);
  };

  return {
    async createReviewItem(input) {
      mapConstraints(
        () =>
          sql(
            `INSERT INTO review_items
               (id, conversation_id, message_id, question, answer, confidence, topic, reasons, created_at)
             VALUES (@id, @conversationId, @messageId, @question, @answer, @confidence, @topic, @reasons, @createdAt)`,
          ).run({ ...input, reasons: JSON.stringify(input.reasons) }),
        { entity: 'review item', key: input.messageId },
        { entity: 'message', id: input.messageId },
      );
      const created = get(input.id);
      if (!created) throw new Error(`review item ${input.id} vanished`);
      return created;
    },

    async getReviewItem(id) {
      return get(id);
    },

    async findReviewItemByMessage(messageId) {
      const row = sql<ReviewItemRow>('SELECT * FROM review_items WHERE message_id = @messageId').get({
        messageId,
      });
      return row === undefined ? null : toReviewItem(row);
    },

    async listReviewItems(query) {
      const direction = query.oldestFirst ? 'ASC' : 'DESC';
      const rows = sql<ReviewItemRow>(
        `SELECT * FROM review_items
         WHERE (@status = 'any' OR status = @status) AND created_at >= @since
         ORDER BY created_at ${direction}, id ${direction} LIMIT @limit`,
      ).all({ status: query.status, since: query.since ?? '', limit: query.limit });
      return rows.map(toReviewItem);
    },

    async markReviewItem(id, mark) {
      // The status condition is the compare-and-set: of concurrent marks only the first changes a row.
      const result = sql(
        `UPDATE review_items
         SET status = @status, reviewer_id = @reviewerId, reviewer_name = @reviewerName,
             reviewed_at = @at, correction_id = @correctionId
         WHERE id = @id AND status = 'pending'`,
      ).run({
        id,
        status: mark.status,
        reviewerId: mark.reviewer.id,
        reviewerName: mark.reviewer.name,
        at: mark.at,
        correctionId: mark.correctionId,
      });
      return result.changes === 0 ? null : get(id);
    },

    async listRecentCustomerTexts(since, limit) {
      const rows = sql<{ text: string }>(
        `SELECT text FROM messages WHERE role = 'customer' AND created_at >= @since
         ORDER BY created_at DESC LIMIT @limit`,
      ).all({ since, limit });
      return rows.map((row) => row.text);
    },
  };
}

function toReviewItem(row: ReviewItemRow): ReviewItem {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    question: row.question,
    answer: row.answer,
    confidence: row.confidence,
    topic: row.topic,
    reasons: JSON.parse(row.reasons) as Reason[],
    createdAt: row.created_at,
    status: row.status,
    reviewer:
      row.reviewer_id === null ? null : { id: row.reviewer_id, name: row.reviewer_name ?? row.reviewer_id },
    reviewedAt: row.reviewed_at,
    correctionId: row.correction_id,
  };
}
