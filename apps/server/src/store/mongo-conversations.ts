import { severityRank } from '@hitl/shared/queue-priority';
import mongoose, { type QueryFilter, type UpdateQuery } from 'mongoose';
import { createMongoAgentLoads } from './mongo-agent-loads';
import { insertOrConflict } from './mongo-connection';
import type { ConversationDoc } from './mongo-documents';
import type { MongoModels } from './mongo-models';
import { isKey, toConversation } from './mongo-rows';
import type { KeyedQueue } from './mongo-write-queue';
import type { ConversationMethods, ConversationPatch } from './store';
import { toUtcIso } from './timestamps';

const OPEN_STATES = ['bot', 'queued', 'agent'] as const;

/** Conversations: one document each, whose state moves by compare-and-set. */
export function createMongoConversations(models: MongoModels, serialize: KeyedQueue): ConversationMethods {
  const { conversations } = models;
  const loads = createMongoAgentLoads(models, serialize);

  const transition: ConversationMethods['transitionConversation'] = async (
    id,
    from,
    patch,
    assigneeId,
    botContextFromSeq,
  ) => {
    if (!isKey(id) || from.length === 0) return null;
    if (assigneeId !== undefined && !isKey(assigneeId)) return null;
    const filter: QueryFilter<ConversationDoc> = {
      _id: id,
      state: mongoose.trusted({ $in: [...from] }),
      ...(assigneeId === undefined ? {} : { assigneeId }),
      ...(botContextFromSeq === undefined ? {} : { botContextFromSeq }),
    };
    // One conditional findOneAndUpdate: the precondition and the change are a single operation.
    const doc = await serialize(id, () =>
      conversations
        .findOneAndUpdate(filter, patchUpdate(patch), { returnDocument: 'after' })
        .lean<ConversationDoc>(),
    );
    if (doc === null) return null;
    // The previous owner (named by every transition away from one) no longer holds this conversation.
    if (assigneeId !== undefined && !(doc.state === 'agent' && doc.assigneeId === assigneeId))
      await loads.release(assigneeId, id);
    return toConversation(doc);
  };

  return {
    async createConversation(input) {
      const doc: ConversationDoc = {
        _id: input.id,
        siteKey: input.siteKey,
        visitorId: input.visitorId,
        state: 'bot',
        assigneeId: null,
        assigneeName: null,
        reasons: [],
        escalatedAt: null,
        botContextFromSeq: 0,
        lastSeq: 0,
        lastMessage: null,
        lastCustomerText: null,
        lastSentiment: null,
        lastConfidence: null,
        contactEmail: null,
        outcome: null,
        tags: [],
        queueRank: severityRank([]),
        createdAt: input.createdAt,
        updatedAt: input.createdAt,
      };
      await insertOrConflict(() => conversations.create(doc), { entity: 'conversation', key: input.id });
      return toConversation(doc);
    },

    async getConversation(id) {
      if (!isKey(id)) return null;
      const doc = await conversations.findById(id).lean<ConversationDoc>();
      return doc === null ? null : toConversation(doc);
    },

    async findOpenConversation(siteKey, visitorId) {
      if (!isKey(siteKey) || !isKey(visitorId)) return null;
      const doc = await conversations
        .findOne({ siteKey, visitorId, state: mongoose.trusted({ $in: [...OPEN_STATES] }) })
        .sort({ updatedAt: -1, createdAt: -1, _id: -1 })
        .lean<ConversationDoc>();
      return doc === null ? null : toConversation(doc);
    },

    async listConversations(query) {
      const filter: QueryFilter<ConversationDoc> =
        query.states === undefined ? {} : { state: mongoose.trusted({ $in: [...query.states] }) };
      if (query.assigneeId !== undefined) {
        if (!isKey(query.assigneeId)) return [];
        filter.assigneeId = query.assigneeId;
      }
      if (query.before !== undefined) {
        const updatedAt = toUtcIso(query.before.updatedAt);
        filter.$or = [
          { updatedAt: mongoose.trusted({ $lt: updatedAt }) },
          { updatedAt, _id: mongoose.trusted({ $lt: query.before.id }) },
        ];
      }
      const docs = await conversations
        .find(filter)
        .sort({ updatedAt: -1, _id: -1 })
        .limit(query.limit)
        .lean<ConversationDoc[]>();
      return docs.map(toConversation);
    },

    transitionConversation: transition,

    async assignConversation(id, from, patch, guard) {
      if (!isKey(id) || !isKey(patch.assignee.id)) return null;
      const agentId = patch.assignee.id;
      if (guard.maxOpen !== null && !(await loads.reserve(agentId, id, guard.maxOpen, new Date()))) {
        const current = await conversations.findById(id).lean<ConversationDoc>();
        const applies =
          current !== null &&
          from.includes(current.state) &&
          (guard.assigneeId === undefined || current.assigneeId === guard.assigneeId);
        return applies ? 'at_capacity' : null;
      }
      const moved = await transition(id, from, patch, guard.assigneeId);
      if (moved === null && guard.maxOpen !== null) await loads.release(agentId, id);
      return moved;
    },

    async countOwnedConversations() {
      // Bounded by the team's open conversations; counted here rather than with $group, which FerretDB v1 lacks.
      const owned = await conversations
        .find({ state: 'agent' }, { assigneeId: 1 })
        .lean<Pick<ConversationDoc, 'assigneeId'>[]>();
      const counts: Record<string, number> = {};
      for (const { assigneeId } of owned) if (assigneeId) counts[assigneeId] = (counts[assigneeId] ?? 0) + 1;
      return counts;
    },

    async setConversationContact(id, email, updatedAt) {
      if (!isKey(id)) return null;
      const doc = await serialize(id, () =>
        conversations
          .findOneAndUpdate(
            { _id: id },
            { $set: { contactEmail: email, updatedAt } },
            { returnDocument: 'after' },
          )
          .lean<ConversationDoc>(),
      );
      return doc === null ? null : toConversation(doc);
    },

    async rateConversation(input) {
      if (!isKey(input.conversationId) || !isKey(input.visitorId)) return null;
      const { rating, comment, ratedAt } = input;
      const doc = await serialize(input.conversationId, () =>
        conversations
          .findOneAndUpdate(
            {
              _id: input.conversationId,
              visitorId: input.visitorId,
              state: 'closed',
              // Matches a missing field too (documents stored before ratings existed).
              satisfaction: null,
            },
            { $set: { satisfaction: { rating, comment, ratedAt }, updatedAt: ratedAt } },
            { returnDocument: 'after' },
          )
          .lean<ConversationDoc>(),
      );
      return doc === null ? null : toConversation(doc);
    },
  };
}

/** `$set` for the fields a patch carries; `updatedAt` always moves. */
function patchUpdate(patch: ConversationPatch): UpdateQuery<ConversationDoc> {
  const set: Partial<ConversationDoc> = { updatedAt: patch.updatedAt };
  if (patch.state !== undefined) set.state = patch.state;
  if (patch.assignee !== undefined) {
    set.assigneeId = patch.assignee?.id ?? null;
    set.assigneeName = patch.assignee?.name ?? null;
  }
  if (patch.reasons !== undefined) {
    set.reasons = patch.reasons;
    set.queueRank = severityRank(patch.reasons);
  }
  if (patch.escalatedAt !== undefined) set.escalatedAt = patch.escalatedAt;
  if (patch.botContextFromSeq !== undefined) set.botContextFromSeq = patch.botContextFromSeq;
  if (patch.outcome !== undefined) set.outcome = patch.outcome;
  if (patch.tags !== undefined) set.tags = patch.tags;
  return { $set: set };
}
