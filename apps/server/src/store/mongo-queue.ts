import type { Reason } from '@hitl/shared/models';
import { severityRank } from '@hitl/shared/queue-priority';
import type { MongoModels } from './mongo-models';
import { isKey } from './mongo-rows';
import type { QueueMethods } from './store';

/**
 * The queue as waiting customers see it, ordered and measured by aggregations (`$match`, `$sort`, `$limit`,
 * `$project`: what FerretDB v1 runs too). The order rests on `queueRank`, kept beside the reasons; queued
 * conversations stored before that field existed get it here, once, at open.
 */
export async function createMongoQueue(models: MongoModels): Promise<QueueMethods> {
  const { conversations, conversationEvents } = models;
  const unranked = await conversations
    .find({ state: 'queued', queueRank: null })
    .select({ reasons: 1 })
    .lean<{ _id: string; reasons: Reason[] }[]>();
  for (const doc of unranked) {
    await conversations.updateOne(
      { _id: doc._id, queueRank: null },
      { $set: { queueRank: severityRank(doc.reasons) } },
    );
  }

  return {
    async listQueue(siteKey, limit) {
      if (!isKey(siteKey)) return [];
      const docs = await conversations.aggregate<{ _id: string; visitorId: string }>([
        { $match: { siteKey, state: 'queued' } },
        // escalatedAt is set whenever a conversation enters the queue (escalation, an agent's return).
        { $sort: { queueRank: 1, escalatedAt: 1, _id: 1 } },
        { $limit: limit },
        { $project: { _id: 1, visitorId: 1 } },
      ]);
      return docs.map((doc) => ({ conversationId: doc._id, visitorId: doc.visitorId }));
    },

    async listTakeoverWaits(siteKey, since, limit) {
      if (!isKey(siteKey)) return [];
      const docs = await conversationEvents.aggregate<{ waitedMs: number }>([
        { $match: { siteKey, at: { $gte: since } } },
        { $sort: { at: -1, _id: -1 } },
        { $limit: limit },
        { $project: { _id: 0, waitedMs: 1 } },
      ]);
      return docs.map((doc) => doc.waitedMs);
    },
  };
}
