import type { BotMeta } from '@hitl/shared/models';
import { openMongoConnection } from '../../apps/server/src/store/mongo-connection';
import type { ConversationDoc, CorrectionDoc, MessageDoc } from '../../apps/server/src/store/mongo-documents';
import { createMongoStore } from '../../apps/server/src/store/mongo-store';
import { type GeneratedRow, generateCorrections } from './generate-corrections';

const BATCH = 1_000;

/**
 * Fills a MongoDB database with generated corrections, their conversations and bot replies: the
 * store creates its collections and indexes, then documents of the store's own shapes go in with
 * unordered bulk inserts of 1,000.
 */
export async function seedMongo(uri: string, rows: number): Promise<void> {
  await (await createMongoStore({ uri })).close();
  const connection = await openMongoConnection(uri);
  try {
    const conversations = connection.collection<ConversationDoc>('conversations');
    const messages = connection.collection<MessageDoc>('messages');
    const corrections = connection.collection<CorrectionDoc>('corrections');
    let batch: GeneratedRow[] = [];
    const flush = async () => {
      const opened = batch.flatMap((row) => (row.conversation ? [toConversation(row.conversation)] : []));
      if (opened.length > 0) await conversations.insertMany(opened, { ordered: false });
      await messages.insertMany(batch.map(toMessage), { ordered: false });
      await corrections.insertMany(batch.map(toCorrection), { ordered: false });
      batch = [];
    };
    for (const row of generateCorrections(rows)) {
      batch.push(row);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0) await flush();
  } finally {
    await connection.close();
  }
}

function toConversation(c: NonNullable<GeneratedRow['conversation']>): ConversationDoc {
  return {
    _id: c.id,
    siteKey: 'demo',
    visitorId: `v_${c.id}`,
    state: 'closed',
    assigneeId: null,
    assigneeName: null,
    reasons: [],
    escalatedAt: null,
    botContextFromSeq: 0,
    lastSeq: 0,
    lastMessage: null,
    createdAt: c.createdAt,
    updatedAt: c.createdAt,
  };
}

function toMessage(row: GeneratedRow): MessageDoc {
  const bot: BotMeta = {
    confidence: row.correction.original.confidence ?? 0.5,
    responder: 'offline',
    modelId: 'kb-v3',
    sources: [],
    alternatives: [],
    topic: row.reply.topic,
  };
  return {
    _id: row.reply.id,
    conversationId: row.reply.conversationId,
    seq: row.reply.seq,
    clientId: null,
    dedupKey: `m:${row.reply.id}`,
    role: 'bot',
    visibility: 'public',
    text: row.reply.text,
    author: null,
    bot,
    notice: null,
    correctionId: row.correction.id,
    draft: null,
    createdAt: row.reply.createdAt,
  };
}

function toCorrection({ correction: c }: GeneratedRow): CorrectionDoc {
  return {
    _id: c.id,
    conversationId: c.conversationId,
    messageId: c.messageId,
    context: c.context,
    original: c.original,
    correctedText: c.correctedText,
    topic: c.topic,
    kind: c.kind,
    reasons: c.reasons,
    note: c.note,
    agentId: c.agent.id,
    agentName: c.agent.name,
    editDistance: c.editDistance,
    timeSpentMs: c.timeSpentMs,
    createdAt: c.createdAt,
    review: { status: 'approved', reviewer: c.reviewer, at: c.reviewedAt, note: null, edited: false },
  };
}
