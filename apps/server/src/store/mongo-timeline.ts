import type { TimelineEvent } from '@hitl/shared/conversation-timeline';
import { insertOrConflict } from './mongo-connection';
import type { ConversationEventDoc } from './mongo-documents';
import type { MongoModels } from './mongo-models';
import { isKey } from './mongo-rows';
import type { TimelineMethods } from './store';
import { StoreConflictError } from './store-errors';

/** The timeline, one document per event; the event is kept as JSON text, read back only whole. */
export function createMongoTimeline(models: MongoModels): TimelineMethods {
  const { conversationEvents } = models;
  return {
    async appendConversationEvent(event) {
      const doc: ConversationEventDoc = {
        _id: event.id,
        conversationId: event.conversationId,
        at: event.at,
        event: JSON.stringify(event),
      };
      if (event.waitedMs !== undefined) {
        // No $lookup on FerretDB: a takeover carries its site, so the queue's estimate is one indexed query.
        const conversation = await models.conversations
          .findById(event.conversationId)
          .select({ siteKey: 1 })
          .lean<{ siteKey: string }>();
        if (conversation) Object.assign(doc, { siteKey: conversation.siteKey, waitedMs: event.waitedMs });
      }
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
