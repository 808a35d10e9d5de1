import mongoose from 'mongoose';
import { isDuplicateKeyError } from './mongo-connection';
import type { ConversationDoc, MessageDoc } from './mongo-documents';
import { recordFirstReply } from './mongo-first-reply';
import type { MongoModels } from './mongo-models';
import { isKey, lastFieldsOf, toMessageDoc } from './mongo-rows';
import type { AppendPrecondition, NewMessage } from './store';
import { StoreConflictError } from './store-errors';

/** Each loss to a concurrent plain append costs one round, so this is generous. */
const MAX_SEQ_ATTEMPTS = 100;

/**
 * `appendMessageIf` without a multi-document transaction. The precondition is checked where the
 * claims and hand-backs change it — on the conversation document — in the same conditional update
 * that reserves the message's seq: `findOneAndUpdate({ state ∈ states, botContextFromSeq }, $inc lastSeq)`.
 * A claim is a conditional update of the same document, so MongoDB applies one before the other:
 * either the claim comes first and the reservation matches nothing (the reply is dropped), or the
 * reservation comes first and the reply's seq is below every message written after the claim
 * ("agent joined" included). The message is then inserted with the reserved seq.
 *
 * A crash between the reservation and the insert leaves a seq with no message. Nothing shows it:
 * clients ask for the messages after the last seq they saw and never wait for a particular number,
 * plain appends take `lastSeq + 1` from the moved conversation, and the lost reply is as if the turn
 * had died before answering (nothing was acked to anyone). A plain append that read `lastSeq` before
 * the reservation may take the reserved seq first (the unique (conversationId, seq) index lets one of
 * the two have it); then the reservation stands for that message, and this append reserves again,
 * checking the precondition again.
 */
export async function appendMessageIfNow(
  models: MongoModels,
  input: NewMessage,
  expected: AppendPrecondition,
): Promise<MessageDoc | null> {
  if (!isKey(input.conversationId) || expected.states.length === 0) return null;
  const unkeyed: NewMessage = { ...input, clientId: null };
  // Checked before reserving, so a duplicate id costs no seq (the insert below still decides a race).
  if ((await models.messages.exists({ _id: input.id })) !== null)
    throw new StoreConflictError('message', input.id);
  for (let attempt = 0; attempt < MAX_SEQ_ATTEMPTS; attempt++) {
    const { turn } = expected;
    const reserved = await models.conversations
      .findOneAndUpdate(
        {
          _id: input.conversationId,
          state: mongoose.trusted({ $in: [...expected.states] }),
          botContextFromSeq: expected.botContextFromSeq,
          // Not answered yet by another turn: the same check and record as the reservation itself.
          ...(turn === undefined
            ? {}
            : {
                $or: [
                  { answeredSeq: mongoose.trusted({ $lt: turn.questionSeq }) },
                  { answeredSeq: mongoose.trusted({ $exists: false }) },
                  { answeredSeq: turn.questionSeq, answeredBy: turn.turnId },
                ],
              }),
        },
        {
          $inc: { lastSeq: 1 },
          $set: {
            updatedAt: input.createdAt,
            ...(turn === undefined ? {} : { answeredSeq: turn.questionSeq, answeredBy: turn.turnId }),
          },
        },
        // No projection: FerretDB v1 does not implement one on findAndModify.
        { returnDocument: 'after' },
      )
      .lean<ConversationDoc>();
    if (reserved === null) return null;
    const doc: MessageDoc = {
      ...toMessageDoc(unkeyed, reserved.lastSeq, reserved),
      ...(turn === undefined ? {} : { turnId: turn.turnId }),
    };
    try {
      await models.messages.create(doc);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      if ((await models.messages.exists({ _id: input.id })) !== null)
        throw new StoreConflictError('message', input.id);
      const holder = await models.messages
        .findOne({ conversationId: input.conversationId, seq: doc.seq })
        .lean<MessageDoc>();
      if (holder !== null) await showAsLast(models, holder);
      continue;
    }
    await showAsLast(models, doc);
    await recordFirstReply(models, doc, reserved);
    if (turn !== undefined) {
      await models.conversations.updateOne(
        { _id: input.conversationId, awaitingBotSeq: mongoose.trusted({ $lte: turn.questionSeq }) },
        { $set: { awaitingBotSeq: null } },
      );
    }
    return doc;
  }
  throw new Error(`no free seq in conversation ${input.conversationId} after ${MAX_SEQ_ATTEMPTS} attempts`);
}

/** The conversation's preview text, while this message is still its last one. */
async function showAsLast(models: MongoModels, message: MessageDoc): Promise<void> {
  const fields = lastFieldsOf(message);
  if (Object.keys(fields).length === 0) return;
  await models.conversations.updateOne(
    { _id: message.conversationId, lastSeq: message.seq },
    { $set: { ...fields, updatedAt: message.createdAt } },
  );
}
