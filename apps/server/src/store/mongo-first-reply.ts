import type { ConversationDoc, MessageDoc } from './mongo-documents';
import type { MongoModels } from './mongo-models';

/** A message the customer reads as an answer: the bot's or an agent's, public. */
export function isFirstReplyCandidate(message: Pick<MessageDoc, 'role' | 'visibility'>): boolean {
  return message.visibility === 'public' && (message.role === 'bot' || message.role === 'agent');
}

/**
 * Records how long the customer waited for the first answer, once: the duration is stored (FerretDB v1 has
 * no date arithmetic for the analytics to compute it), conditional on none being recorded yet.
 */
export async function recordFirstReply(
  models: MongoModels,
  message: MessageDoc,
  conversation: Pick<ConversationDoc, 'createdAt' | 'firstReplyMs'>,
): Promise<void> {
  if (!isFirstReplyCandidate(message) || (conversation.firstReplyMs ?? null) !== null) return;
  const waited = Math.max(0, Date.parse(message.createdAt) - Date.parse(conversation.createdAt));
  await models.conversations.updateOne(
    { _id: message.conversationId, firstReplyMs: null },
    { $set: { firstReplyMs: waited } },
  );
}
