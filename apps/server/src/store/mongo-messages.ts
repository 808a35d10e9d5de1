import type { Message } from '@hitl/shared/models';
import mongoose, { type QueryFilter } from 'mongoose';
import { isDuplicateKeyError } from './mongo-connection';
import type { ConversationDoc, MessageDoc } from './mongo-documents';
import { recordFirstReply } from './mongo-first-reply';
import { appendMessageIfNow } from './mongo-guarded-append';
import type { MongoModels } from './mongo-models';
import { clientDedupKey, isKey, lastFieldsOf, toConversation, toMessage, toMessageDoc } from './mongo-rows';
import type { KeyedQueue } from './mongo-write-queue';
import type { MessageMethods, NewMessage, Store } from './store';
import { StoreConflictError, StoreNotFoundError } from './store-errors';

type AppendResult = Awaited<ReturnType<Store['appendMessage']>>;

/** Other processes can take the same seq first; each loss costs one round, so this is generous. */
const MAX_SEQ_ATTEMPTS = 100;

/** Messages, numbered per conversation. */
export function createMongoMessages(models: MongoModels, serialize: KeyedQueue): MessageMethods {
  const { messages, conversations } = models;

  /**
   * A compare-and-set on one message: `set` applies only while `condition` holds. Queued with its
   * conversation's other writes, because FerretDB v1 would otherwise let two concurrent updates both match.
   */
  const updateIf = async (
    messageId: string,
    condition: QueryFilter<MessageDoc>,
    set: Record<string, unknown>,
  ): Promise<Message | null> => {
    if (!isKey(messageId)) return null;
    const located = await messages
      .findById(messageId)
      .select({ conversationId: 1 })
      .lean<Pick<MessageDoc, 'conversationId'>>();
    if (located === null) return null;
    const doc = await serialize(located.conversationId, () =>
      messages
        .findOneAndUpdate({ _id: messageId, ...condition }, { $set: set }, { returnDocument: 'after' })
        .lean<MessageDoc>(),
    );
    return doc === null ? null : toMessage(doc);
  };

  return {
    appendMessage(input) {
      return serialize(input.conversationId, () => appendMessageNow(models, input));
    },

    async appendMessageIf(input, expected) {
      const stored = await serialize(input.conversationId, async () => {
        const doc = await appendMessageIfNow(models, input, expected);
        if (doc === null) return null;
        // The append is several updates of the conversation here (no transaction): it is read once after them.
        const conversation = await conversations.findById(input.conversationId).lean<ConversationDoc>();
        return conversation === null ? null : { doc, conversation };
      });
      if (stored === null) return null;
      return {
        message: toMessage(structuredClone(stored.doc)),
        conversation: toConversation(stored.conversation),
      };
    },

    async findVisitorMessageByClientId(siteKey, visitorId, clientId) {
      if (!isKey(siteKey) || !isKey(visitorId) || !isKey(clientId)) return null;
      const doc = await messages
        .findOne({ siteKey, visitorId, clientId, role: 'customer' })
        .sort({ createdAt: -1, _id: -1 })
        .lean<MessageDoc>();
      return doc === null ? null : toMessage(doc);
    },

    async getMessage(id) {
      if (!isKey(id)) return null;
      const doc = await messages.findById(id).lean<MessageDoc>();
      return doc === null ? null : toMessage(doc);
    },

    async listMessages(conversationId, query) {
      if (!isKey(conversationId)) return [];
      const filter: QueryFilter<MessageDoc> = {
        conversationId,
        seq: mongoose.trusted({ $gt: query.afterSeq }),
        ...(query.includeInternal ? {} : { visibility: 'public' }),
      };
      let find = messages.find(filter).sort({ seq: 1 });
      if (query.limit !== undefined) find = find.limit(query.limit);
      return (await find.lean<MessageDoc[]>()).map(toMessage);
    },

    async listTurnContext(conversationId, query) {
      if (!isKey(conversationId)) return [];
      const docs = await messages
        .find({
          conversationId,
          seq: mongoose.trusted({ $gt: query.afterSeq, $lt: query.beforeSeq }),
          visibility: 'public',
        })
        .sort({ seq: -1 })
        .limit(query.limit)
        .select({ seq: 1, role: 1, text: 1, bot: 1 })
        .lean<Pick<MessageDoc, '_id' | 'seq' | 'role' | 'text' | 'bot'>[]>();
      return docs.reverse().map((doc) => ({
        id: doc._id,
        seq: doc.seq,
        role: doc.role,
        text: doc.text,
        confidence: doc.role === 'bot' ? (doc.bot?.confidence ?? null) : null,
      }));
    },

    async setMessageCorrection(messageId, correctionId) {
      const result = isKey(messageId)
        ? await messages.updateOne({ _id: messageId }, { $set: { correctionId } })
        : { matchedCount: 0 };
      if (result.matchedCount === 0) throw new StoreNotFoundError('message', String(messageId));
    },

    async listPendingDrafts(limit) {
      const docs = await messages
        .find({ 'draft.status': 'pending' })
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit)
        .lean<MessageDoc[]>();
      return docs.map(toMessage);
    },

    async listAwaitingBot(limit) {
      const docs = await conversations
        .find({ awaitingBotSeq: mongoose.trusted({ $gte: 0 }) })
        .sort({ awaitingBotSeq: 1, _id: 1 })
        .limit(limit)
        .lean<ConversationDoc[]>();
      return Promise.all(
        docs.map(async (doc) => {
          const turn = doc.answeredBy ?? null;
          const stored =
            turn !== null && (await messages.exists({ conversationId: doc._id, turnId: turn })) !== null;
          return {
            conversation: toConversation(doc),
            questionSeq: doc.awaitingBotSeq as number,
            answeredSeq: doc.answeredSeq ?? 0,
            interruptedTurn: turn !== null && !stored ? turn : null,
          };
        }),
      );
    },

    async wasAnswered(conversationId, questionSeq) {
      if (!isKey(conversationId)) return false;
      const doc = await conversations.findById(conversationId).lean<ConversationDoc>();
      return (doc?.answeredSeq ?? 0) >= questionSeq;
    },

    async clearAwaitingBot(conversationId, questionSeq) {
      if (!isKey(conversationId)) return;
      await conversations.updateOne(
        { _id: conversationId, awaitingBotSeq: questionSeq },
        { $set: { awaitingBotSeq: null } },
      );
    },

    async reopenDraft(messageId, publishedMessageId) {
      if (!isKey(publishedMessageId)) return null;
      return updateIf(
        messageId,
        { 'draft.publishedMessageId': publishedMessageId },
        {
          'draft.status': 'pending',
          'draft.reviewer': null,
          'draft.reviewedAt': null,
          'draft.publishedMessageId': null,
        },
      );
    },

    async reviewDraft(messageId, draft) {
      return updateIf(messageId, { 'draft.status': 'pending' }, { draft });
    },

    async updateEmailDelivery(messageId, from, delivery) {
      return updateIf(
        messageId,
        { 'email.status': mongoose.trusted({ $in: [...from] }) },
        { email: delivery },
      );
    },
  };
}

/**
 * Without multi-document transactions (see `mongo-store.ts`), the message insert is the commit
 * point and the unique indexes are the arbiters:
 * 1. a retry with a known client id returns the stored message;
 * 2. the message is inserted with seq = the conversation's lastSeq + 1; the unique
 *    (conversationId, seq) index lets exactly one writer have each seq, so seqs have no gaps
 *    and no duplicates, and the unique (conversationId, dedupKey) index stores a client id once;
 * 3. the conversation moves to that seq with an update conditional on `lastSeq = seq - 1`.
 * A writer that finds its seq taken moves the conversation past that message itself (step 3 on the
 * other writer's behalf) and tries the next seq, so a process that died between 2 and 3 delays
 * nobody and loses nothing. Nothing is written before the insert, so a refused insert (an unknown
 * conversation, a duplicate message id) leaves the conversation untouched.
 */
async function appendMessageNow(models: MongoModels, input: NewMessage): Promise<AppendResult> {
  const { conversations, messages } = models;
  if (input.clientId !== null) {
    const stored = await findByClientId(models, input.conversationId, input.clientId);
    if (stored !== null) return stored;
  }
  for (let attempt = 0; attempt < MAX_SEQ_ATTEMPTS; attempt++) {
    const conversation = await conversations
      .findById(input.conversationId)
      .select({ siteKey: 1, visitorId: 1, lastSeq: 1, createdAt: 1, firstReplyMs: 1 })
      .lean<Pick<ConversationDoc, 'siteKey' | 'visitorId' | 'lastSeq' | 'createdAt' | 'firstReplyMs'>>();
    if (conversation === null) throw new StoreNotFoundError('conversation', input.conversationId);
    const doc = toMessageDoc(input, conversation.lastSeq + 1, conversation);
    try {
      await messages.create(doc);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // FerretDB does not say which index refused the insert, so ask the data.
      if (input.clientId !== null) {
        const stored = await findByClientId(models, input.conversationId, input.clientId);
        if (stored !== null) return stored;
      }
      if ((await messages.exists({ _id: input.id })) !== null)
        throw new StoreConflictError('message', input.id);
      const holder = await messages
        .findOne({ conversationId: input.conversationId, seq: doc.seq })
        .lean<MessageDoc>();
      if (holder !== null) await advanceConversation(models, holder);
      continue;
    }
    await advanceConversation(models, doc);
    await recordFirstReply(models, doc, conversation);
    return {
      message: toMessage(structuredClone(doc)),
      created: true,
      conversation: await readConversation(models, doc),
    };
  }
  throw new Error(`no free seq in conversation ${input.conversationId} after ${MAX_SEQ_ATTEMPTS} attempts`);
}

/** The message stored under this client id, with the conversation brought up to it if it lags. */
async function findByClientId(
  models: MongoModels,
  conversationId: string,
  clientId: string,
): Promise<AppendResult | null> {
  const doc = await models.messages
    .findOne({ conversationId, dedupKey: clientDedupKey(clientId) })
    .lean<MessageDoc>();
  if (doc === null) return null;
  await advanceConversation(models, doc);
  return { message: toMessage(doc), created: false, conversation: await readConversation(models, doc) };
}

/** The conversation after a message was stored in it (the caller's next read, done here). */
async function readConversation(models: MongoModels, message: MessageDoc) {
  const doc = await models.conversations.findById(message.conversationId).lean<ConversationDoc>();
  if (doc === null) throw new StoreNotFoundError('conversation', message.conversationId);
  return toConversation(doc);
}

/**
 * Moves the conversation onto a stored message: lastSeq, updatedAt, and lastMessage for a public
 * one. Conditional on the conversation being exactly one message behind, so it is idempotent and
 * never moves a conversation backwards.
 */
async function advanceConversation(models: MongoModels, message: MessageDoc): Promise<void> {
  await models.conversations.updateOne(
    { _id: message.conversationId, lastSeq: message.seq - 1 },
    {
      $set: {
        lastSeq: message.seq,
        updatedAt: message.createdAt,
        ...lastFieldsOf(message),
      },
    },
  );
}
