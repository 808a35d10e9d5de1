import type { TimelineEvent, TimelineKind } from '@hitl/shared/conversation-timeline';
import mongoose from 'mongoose';
import { deriveEventFacts, type EventContext, OWNERSHIP_KINDS } from './analytics-event-facts';
import { insertOrConflict } from './mongo-connection';
import type { ConversationDoc, ConversationEventDoc, MessageDoc } from './mongo-documents';
import type { MongoModels } from './mongo-models';
import { isKey } from './mongo-rows';
import type { TimelineMethods } from './store';
import { StoreConflictError } from './store-errors';

/**
 * The timeline, one document per event; the event is kept as JSON text, read back only whole, beside the
 * facts the analytics count (`analytics-event-facts.ts`).
 */
export function createMongoTimeline(models: MongoModels): TimelineMethods {
  const { conversationEvents, conversations, messages } = models;

  const contextOf = async (event: TimelineEvent): Promise<EventContext> => {
    if (!isKey(event.conversationId)) return { conversation: null, previous: null, latestBotTopic: null };
    const [conversation, previous, bot] = await Promise.all([
      conversations
        .findById(event.conversationId, { siteKey: 1, createdAt: 1, lastCustomerText: 1 })
        .lean<Pick<ConversationDoc, 'siteKey' | 'createdAt' | 'lastCustomerText'>>(),
      conversationEvents
        .findOne({
          conversationId: event.conversationId,
          kind: mongoose.trusted({ $in: [...OWNERSHIP_KINDS] }),
          at: mongoose.trusted({ $lte: event.at }),
          _id: mongoose.trusted({ $ne: event.id }),
        })
        .sort({ at: -1, _id: -1 })
        .lean<Pick<ConversationEventDoc, 'kind' | 'at' | 'newOwnerId'>>(),
      messages
        .findOne({ conversationId: event.conversationId, bot: mongoose.trusted({ $ne: null }) }, { bot: 1 })
        .sort({ seq: -1 })
        .lean<Pick<MessageDoc, 'bot'>>(),
    ]);
    return {
      conversation: conversation
        ? {
            siteKey: conversation.siteKey,
            createdAt: conversation.createdAt,
            lastCustomerText: conversation.lastCustomerText ?? null,
          }
        : null,
      previous: previous
        ? { kind: previous.kind as TimelineKind, at: previous.at, newOwnerId: previous.newOwnerId ?? null }
        : null,
      latestBotTopic: bot?.bot?.topic ?? null,
    };
  };

  return {
    async appendConversationEvent(event) {
      const { siteKey, ...facts } = deriveEventFacts(event, await contextOf(event));
      const doc: ConversationEventDoc = {
        _id: event.id,
        conversationId: event.conversationId,
        at: event.at,
        event: JSON.stringify(event),
        ...facts,
        site: siteKey,
      };
      // No $lookup on FerretDB: a takeover carries its site as `siteKey` too, so the queue's estimate is one
      // indexed query (only takeovers have that field).
      if (event.waitedMs !== undefined && siteKey !== null)
        Object.assign(doc, { siteKey, waitedMs: event.waitedMs });
      try {
        await insertOrConflict(() => conversationEvents.create(doc), { entity: 'event', key: event.id });
      } catch (error) {
        // The same id again is a replayed step: it is there already.
        if (!(error instanceof StoreConflictError)) throw error;
      }
    },

    async listConversationEvents(conversationId, limit) {
      if (!isKey(conversationId)) return [];
      const docs = await conversationEvents
        .find({ conversationId })
        .sort({ at: 1, _id: 1 })
        .limit(limit)
        .lean<ConversationEventDoc[]>();
      return docs.map((doc) => JSON.parse(doc.event) as TimelineEvent);
    },
  };
}
