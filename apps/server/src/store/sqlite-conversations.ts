import type { Conversation, ConversationState, Message } from '@hitl/shared/models';
import { mapConstraints, type Sql, type SqlParams } from './sqlite-database';
import { type ConversationRow, type MessageRow, toConversation, toJson, toMessage } from './sqlite-rows';
import type { GroupCommit } from './sqlite-write-batcher';
import type {
  AppendPrecondition,
  ConversationMethods,
  ConversationPatch,
  MessageMethods,
  NewMessage,
} from './store';
import { StoreNotFoundError } from './store-errors';
import { toUtcIso } from './timestamps';

/** Conversations and their messages, which move together (`lastSeq`, `updatedAt`, `lastMessage`). */
export function createSqliteConversations(
  sql: Sql,
  groupCommit: GroupCommit,
): Omit<ConversationMethods, 'assignConversation' | 'countOwnedConversations'> & MessageMethods {
  // Runs inside a group commit's IMMEDIATE transaction, which takes the write lock before the check, so no
  // other process can move the conversation (a claim on another node sharing the file) between the check
  // and the insert.
  const appendMessageIf = (input: NewMessage, expected: AppendPrecondition) => {
    const row = sql<TurnRow>(
      'SELECT state, bot_context_from_seq, answered_seq, answered_by FROM conversations WHERE id = @id',
    ).get({ id: input.conversationId });
    if (row === undefined) return null;
    if (!expected.states.includes(row.state) || row.bot_context_from_seq !== expected.botContextFromSeq)
      return null;
    const { turn } = expected;
    if (turn !== undefined) {
      const answeredBefore = row.answered_seq < turn.questionSeq;
      const sameTurn = row.answered_seq === turn.questionSeq && row.answered_by === turn.turnId;
      if (!answeredBefore && !sameTurn) return null;
    }
    const { message, conversation } = appendMessageNow(sql, { ...input, clientId: null });
    if (turn === undefined) return { message, conversation };
    const answered = sql<ConversationRow>(
      `UPDATE conversations SET answered_seq = @questionSeq, answered_by = @turnId,
         awaiting_bot_seq = CASE WHEN awaiting_bot_seq <= @questionSeq THEN NULL ELSE awaiting_bot_seq END
       WHERE id = @id RETURNING *`,
    ).get({
      id: input.conversationId,
      questionSeq: turn.questionSeq,
      turnId: turn.turnId,
    }) as ConversationRow;
    return { message, conversation: toConversation(answered) };
  };

  return {
    async createConversation(input) {
      // A visitor's first message creates its conversation: that commit is shared with the other writes too.
      const row = await groupCommit(() =>
        mapConstraints(
          () =>
            sql<ConversationRow>(
              `INSERT INTO conversations (id, site_key, visitor_id, state, created_at, updated_at)
             VALUES (@id, @siteKey, @visitorId, 'bot', @createdAt, @createdAt) RETURNING *`,
            ).get({
              id: input.id,
              siteKey: input.siteKey,
              visitorId: input.visitorId,
              createdAt: input.createdAt,
            }),
          { entity: 'conversation', key: input.id },
        ),
      );
      return toConversation(row as ConversationRow);
    },

    async getConversation(id) {
      const row = sql<ConversationRow>('SELECT * FROM conversations WHERE id = @id').get({ id });
      return row === undefined ? null : toConversation(row);
    },

    async findOpenConversation(siteKey, visitorId) {
      const row = sql<ConversationRow>(
        `SELECT * FROM conversations
         WHERE site_key = @siteKey AND visitor_id = @visitorId AND state IN ('bot', 'queued', 'agent')
         ORDER BY updated_at DESC, created_at DESC, id DESC LIMIT 1`,
      ).get({ siteKey, visitorId });
      return row === undefined ? null : toConversation(row);
    },

    async listConversations(query) {
      const params: SqlParams = { limit: query.limit };
      const conditions: string[] = [];
      if (query.states !== undefined)
        conditions.push(`state IN (${listParams('state', query.states, params)})`);
      if (query.assigneeId !== undefined) {
        conditions.push('assignee_id = @assigneeId');
        params.assigneeId = query.assigneeId;
      }
      if (query.before !== undefined) {
        conditions.push('(updated_at < @beforeAt OR (updated_at = @beforeAt AND id < @beforeId))');
        params.beforeAt = toUtcIso(query.before.updatedAt);
        params.beforeId = query.before.id;
      }
      const filter = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
      const rows = sql<ConversationRow>(
        `SELECT * FROM conversations ${filter} ORDER BY updated_at DESC, id DESC LIMIT @limit`,
      ).all(params);
      return rows.map(toConversation);
    },

    async transitionConversation(id, from, patch, assigneeId, botContextFromSeq) {
      return transitionNow(sql, id, from, patch, assigneeId, botContextFromSeq);
    },

    async setConversationContact(id, email, updatedAt) {
      const row = sql<ConversationRow>(
        'UPDATE conversations SET contact_email = @email, updated_at = @updatedAt WHERE id = @id RETURNING *',
      ).get({ id, email, updatedAt });
      return row === undefined ? null : toConversation(row);
    },

    async rateConversation(input) {
      const row = sql<ConversationRow>(
        `UPDATE conversations
         SET satisfaction_rating = @rating, satisfaction_comment = @comment, satisfaction_at = @ratedAt,
             updated_at = @ratedAt
         WHERE id = @conversationId AND visitor_id = @visitorId AND state = 'closed'
           AND satisfaction_rating IS NULL
         RETURNING *`,
      ).get({ ...input });
      return row === undefined ? null : toConversation(row);
    },

    async appendMessage(input) {
      // Shares one transaction and one fsync with the other appends of this event-loop turn.
      return groupCommit(
        () => mapConstraints(() => appendMessageNow(sql, input), { entity: 'message', key: input.id }),
        input.conversationId,
      );
    },

    async listAwaitingBot(limit) {
      return sql<ConversationRow & { awaiting_bot_seq: number; answered_seq: number }>(
        `SELECT * FROM conversations WHERE awaiting_bot_seq IS NOT NULL
         ORDER BY awaiting_bot_seq ASC, id ASC LIMIT @limit`,
      )
        .all({ limit })
        .map((row) => ({
          conversation: toConversation(row),
          questionSeq: row.awaiting_bot_seq,
          answeredSeq: row.answered_seq,
          // Taking the question and storing the reply are one transaction here.
          interruptedTurn: null,
        }));
    },

    async wasAnswered(conversationId, questionSeq) {
      const row = sql<{ answered_seq: number }>('SELECT answered_seq FROM conversations WHERE id = @id').get({
        id: conversationId,
      });
      return row !== undefined && row.answered_seq >= questionSeq;
    },

    async clearAwaitingBot(conversationId, questionSeq) {
      sql(
        'UPDATE conversations SET awaiting_bot_seq = NULL WHERE id = @conversationId AND awaiting_bot_seq = @questionSeq',
      ).run({ conversationId, questionSeq });
    },

    async appendMessageIf(input, expected) {
      return groupCommit(
        () => mapConstraints(() => appendMessageIf(input, expected), { entity: 'message', key: input.id }),
        input.conversationId,
      );
    },

    async findVisitorMessageByClientId(siteKey, visitorId, clientId) {
      // `+m.role` keeps the planner off `messages_by_role_time`, which walked every customer message ever
      // stored on each send; this way it is the visitor's conversations, then one lookup by client id each.
      const row = sql<MessageRow>(
        `SELECT m.* FROM conversations c JOIN messages m ON m.conversation_id = c.id
         WHERE c.site_key = @siteKey AND c.visitor_id = @visitorId
           AND m.client_id = @clientId AND +m.role = 'customer'
         ORDER BY m.created_at DESC LIMIT 1`,
      ).get({ siteKey, visitorId, clientId });
      return row === undefined ? null : toMessage(row);
    },

    async getMessage(id) {
      const row = sql<MessageRow>('SELECT * FROM messages WHERE id = @id').get({ id });
      return row === undefined ? null : toMessage(row);
    },

    async listMessages(conversationId, query) {
      const visibility = query.includeInternal ? '' : "AND visibility = 'public'";
      const rows = sql<MessageRow>(
        `SELECT * FROM messages WHERE conversation_id = @conversationId AND seq > @afterSeq ${visibility}
         ORDER BY seq ASC LIMIT @limit`,
      ).all({ conversationId, afterSeq: query.afterSeq, limit: query.limit ?? -1 });
      return rows.map(toMessage);
    },

    async listTurnContext(conversationId, query) {
      const rows = sql<{
        id: string;
        seq: number;
        role: Message['role'];
        text: string;
        confidence: number | null;
      }>(
        `SELECT id, seq, role, text, json_extract(bot, '$.confidence') AS confidence FROM messages
         WHERE conversation_id = @conversationId AND seq > @afterSeq AND seq < @beforeSeq AND visibility = 'public'
         ORDER BY seq DESC LIMIT @limit`,
      ).all({ conversationId, ...query });
      return rows
        .reverse()
        .map((row) => ({ ...row, confidence: row.role === 'bot' ? row.confidence : null }));
    },

    async setMessageCorrection(messageId, correctionId) {
      const result = sql('UPDATE messages SET correction_id = @correctionId WHERE id = @messageId').run({
        messageId,
        correctionId,
      });
      if (result.changes === 0) throw new StoreNotFoundError('message', messageId);
    },

    async listPendingDrafts(limit) {
      const rows = sql<MessageRow>(
        `SELECT * FROM messages WHERE draft IS NOT NULL AND json_extract(draft, '$.status') = 'pending'
         ORDER BY created_at DESC, id DESC LIMIT @limit`,
      ).all({ limit });
      return rows.map(toMessage);
    },

    async reopenDraft(messageId, publishedMessageId) {
      const row = sql<MessageRow>(
        `UPDATE messages
         SET draft = json_set(draft, '$.status', 'pending', '$.reviewer', json('null'),
                              '$.reviewedAt', json('null'), '$.publishedMessageId', json('null'))
         WHERE id = @messageId AND json_extract(draft, '$.publishedMessageId') = @publishedMessageId
         RETURNING *`,
      ).get({ messageId, publishedMessageId });
      return row === undefined ? null : toMessage(row);
    },

    async reviewDraft(messageId, draft) {
      // One conditional statement: the pending check and the change cannot be separated.
      const row = sql<MessageRow>(
        `UPDATE messages SET draft = @draft
         WHERE id = @messageId AND json_extract(draft, '$.status') = 'pending' RETURNING *`,
      ).get({ messageId, draft: JSON.stringify(draft) });
      return row === undefined ? null : toMessage(row);
    },

    async updateEmailDelivery(messageId, from, delivery) {
      if (from.length === 0) return null;
      const params: SqlParams = { messageId, email: JSON.stringify(delivery) };
      const row = sql<MessageRow>(
        `UPDATE messages SET email = @email
         WHERE id = @messageId AND email IS NOT NULL
           AND json_extract(email, '$.status') IN (${listParams('from', from, params)})
         RETURNING *`,
      ).get(params);
      return row === undefined ? null : toMessage(row);
    },
  };
}

/** One conditional UPDATE: the precondition and the change cannot be separated. */
export function transitionNow(
  sql: Sql,
  id: string,
  from: readonly ConversationState[],
  patch: ConversationPatch,
  assigneeId?: string,
  botContextFromSeq?: number,
): Conversation | null {
  if (from.length === 0) return null;
  const params: SqlParams = { id };
  const sets = patchAssignments(patch, params);
  let where = `id = @id AND state IN (${listParams('from', from, params)})`;
  if (assigneeId !== undefined) {
    where += ' AND assignee_id = @expectedAssignee';
    params.expectedAssignee = assigneeId;
  }
  if (botContextFromSeq !== undefined) {
    where += ' AND bot_context_from_seq = @expectedBoundary';
    params.expectedBoundary = botContextFromSeq;
  }
  const row = sql<ConversationRow>(
    `UPDATE conversations SET ${sets.join(', ')} WHERE ${where} RETURNING *`,
  ).get(params);
  return row === undefined ? null : toConversation(row);
}

/** The body of `appendMessage`; runs inside a group commit's IMMEDIATE transaction. */
function appendMessageNow(
  sql: Sql,
  input: NewMessage,
): { message: Message; created: boolean; conversation: Conversation } {
  if (input.clientId !== null) {
    const existing = sql<MessageRow>(
      'SELECT * FROM messages WHERE conversation_id = @conversationId AND client_id = @clientId',
    ).get({ conversationId: input.conversationId, clientId: input.clientId });
    if (existing !== undefined) {
      const row = sql<ConversationRow>('SELECT * FROM conversations WHERE id = @id').get({
        id: input.conversationId,
      }) as ConversationRow;
      return { message: toMessage(existing), created: false, conversation: toConversation(row) };
    }
  }
  // RETURNING * hands back the moved conversation: the caller does not read it again.
  const bumped = sql<ConversationRow>(
    `UPDATE conversations
     SET last_seq = last_seq + 1, updated_at = @createdAt,
         last_message = CASE WHEN @visibility = 'public' THEN @text ELSE last_message END,
         last_customer_text = CASE WHEN @customerSays = 1 THEN @text ELSE last_customer_text END,
         last_sentiment = CASE WHEN @customerSays = 1 THEN @sentiment ELSE last_sentiment END,
         last_confidence = coalesce(@confidence, last_confidence),
         awaiting_bot_seq = CASE WHEN @customerSays = 1 THEN last_seq + 1 ELSE awaiting_bot_seq END,
         first_reply_ms = CASE WHEN first_reply_ms IS NULL AND @replies = 1
           THEN max(0, CAST(round((julianday(@createdAt) - julianday(created_at)) * 86400000) AS INTEGER))
           ELSE first_reply_ms END
     WHERE id = @conversationId RETURNING *`,
  ).get({
    conversationId: input.conversationId,
    createdAt: input.createdAt,
    visibility: input.visibility,
    text: input.text,
    customerSays: input.role === 'customer' && input.visibility === 'public' ? 1 : 0,
    replies: input.visibility === 'public' && (input.role === 'bot' || input.role === 'agent') ? 1 : 0,
    sentiment: input.sentiment ?? null,
    confidence: input.bot?.confidence ?? null,
  });
  if (bumped === undefined) throw new StoreNotFoundError('conversation', input.conversationId);
  const message: Message = {
    id: input.id,
    conversationId: input.conversationId,
    seq: bumped.last_seq,
    clientId: input.clientId,
    role: input.role,
    visibility: input.visibility,
    text: input.text,
    author: input.author,
    bot: input.bot,
    notice: input.notice,
    correctionId: null,
    draft: input.draft,
    ...(input.email ? { email: input.email } : {}),
    createdAt: input.createdAt,
  };
  sql(
    `INSERT INTO messages
       (id, conversation_id, seq, client_id, role, visibility, text, author, bot, notice, draft, email,
        created_at)
     VALUES
       (@id, @conversationId, @seq, @clientId, @role, @visibility, @text, @author, @bot, @notice, @draft,
        @email, @createdAt)`,
  ).run({
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    clientId: message.clientId,
    role: message.role,
    visibility: message.visibility,
    text: message.text,
    author: toJson(message.author),
    bot: toJson(message.bot),
    notice: message.notice,
    draft: toJson(message.draft),
    email: toJson(message.email),
    createdAt: message.createdAt,
  });
  // The full-text index, in the same savepoint (see migration 22): what was said publicly, notices aside.
  if (message.visibility === 'public' && message.role !== 'system') {
    sql('INSERT INTO messages_fts (text, message_id) VALUES (@text, @id)').run({
      text: message.text,
      id: message.id,
    });
  }
  return { message: structuredClone(message), created: true, conversation: toConversation(bumped) };
}

/** SET assignments for the fields a patch carries; `updatedAt` always moves. */
function patchAssignments(patch: ConversationPatch, params: SqlParams): string[] {
  const sets = ['updated_at = @updatedAt'];
  params.updatedAt = patch.updatedAt;
  if (patch.state !== undefined) {
    sets.push('state = @state');
    params.state = patch.state;
  }
  if (patch.assignee !== undefined) {
    sets.push('assignee_id = @assigneeId', 'assignee_name = @assigneeName');
    params.assigneeId = patch.assignee?.id ?? null;
    params.assigneeName = patch.assignee?.name ?? null;
  }
  if (patch.reasons !== undefined) {
    sets.push('reasons = @reasons');
    params.reasons = JSON.stringify(patch.reasons);
  }
  if (patch.escalatedAt !== undefined) {
    sets.push('escalated_at = @escalatedAt');
    params.escalatedAt = patch.escalatedAt;
  }
  if (patch.botContextFromSeq !== undefined) {
    sets.push('bot_context_from_seq = @botContextFromSeq');
    params.botContextFromSeq = patch.botContextFromSeq;
  }
  if (patch.outcome !== undefined) {
    sets.push('close_outcome = @outcome');
    params.outcome = patch.outcome;
  }
  if (patch.tags !== undefined) {
    sets.push('tags = @tags');
    params.tags = JSON.stringify(patch.tags);
  }
  return sets;
}

/** Binds each value as its own named parameter and returns the placeholder list for `IN (…)`. */
export function listParams(prefix: string, values: readonly string[], params: SqlParams): string {
  return values
    .map((value, index) => {
      params[`${prefix}${index}`] = value;
      return `@${prefix}${index}`;
    })
    .join(', ');
}

interface TurnRow extends Pick<ConversationRow, 'state' | 'bot_context_from_seq'> {
  answered_seq: number;
  answered_by: string | null;
}
