import type { MongoModels } from './mongo-models';
import type { WaitingWorkMethods } from './store';

/** Counts by index: the queue by `{ state, escalatedAt }`, pending drafts by `draft.status`. */
export function createMongoWaitingWork(models: MongoModels): WaitingWorkMethods {
  const { conversations, messages } = models;
  return {
    async countWaitingWork() {
      const [queued, oldest, pendingDrafts] = await Promise.all([
        conversations.countDocuments({ state: 'queued' }),
        conversations
          .findOne({ state: 'queued' }, { escalatedAt: 1, updatedAt: 1 })
          .sort({ escalatedAt: 1 })
          .lean<{ escalatedAt: string | null; updatedAt: string }>(),
        messages.countDocuments({ 'draft.status': 'pending' }),
      ]);
      return {
        queued,
        oldestQueuedSince: oldest === null ? null : (oldest.escalatedAt ?? oldest.updatedAt),
        pendingDrafts,
      };
    },
  };
}
