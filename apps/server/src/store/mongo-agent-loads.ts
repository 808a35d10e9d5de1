import type { AgentLoadDoc, ConversationDoc } from './mongo-documents';
import type { MongoModels } from './mongo-models';
import type { KeyedQueue } from './mongo-write-queue';

/** A place older than this whose conversation the agent does not own is a leftover (a crash, a lost race). */
const STALE_AFTER_MS = 30_000;

/**
 * Per-agent places under the open-conversation limit, for a store without multi-document transactions.
 * An assignment first takes a place in the agent's load document (compare-and-set on its version, so of
 * concurrent takers only those that fit win, on any node), then moves the conversation; a refused move
 * gives the place back, and a release (hand-back, close, unassign, transfer) gives it back after the move.
 * Every crash window therefore leaves a place taken rather than a conversation over the limit; such a
 * leftover — a place older than a while whose conversation the agent does not own — is dropped when the
 * agent is at the limit.
 */
export function createMongoAgentLoads(models: MongoModels, serialize: KeyedQueue) {
  const { agentLoads, conversations } = models;

  /** Rewrites the agent's entries with `change` until no other writer came in between. */
  async function update(
    agentId: string,
    change: (open: AgentLoadDoc['open']) => Promise<AgentLoadDoc['open'] | null>,
  ) {
    return serialize(`load:${agentId}`, async () => {
      for (;;) {
        const doc = await agentLoads.findById(agentId).lean<AgentLoadDoc>();
        const next = await change(doc?.open ?? (await ownedNow(agentId)));
        if (next === null) return false;
        if (doc === null) {
          try {
            await agentLoads.create({ _id: agentId, open: next, version: 1 });
            return true;
          } catch {
            continue; // another writer created it first: read it again
          }
        }
        const written = await agentLoads.updateOne(
          { _id: agentId, version: doc.version },
          { $set: { open: next, version: doc.version + 1 } },
        );
        if (written.modifiedCount === 1) return true;
      }
    });
  }

  /** An agent without a load document yet starts from what they own (conversations assigned before limits). */
  async function ownedNow(agentId: string): Promise<AgentLoadDoc['open']> {
    const owned = await conversations
      .find({ state: 'agent', assigneeId: agentId }, { _id: 1 })
      .lean<Pick<ConversationDoc, '_id'>[]>();
    return owned.map((doc) => ({ id: doc._id, at: new Date(0).toISOString() }));
  }

  async function owns(agentId: string, conversationId: string): Promise<boolean> {
    const doc = await conversations.findById(conversationId).lean<ConversationDoc>();
    return doc?.state === 'agent' && doc.assigneeId === agentId;
  }

  return {
    /** Takes a place for the conversation; false when the agent already has `maxOpen`. */
    async reserve(agentId: string, conversationId: string, maxOpen: number, now: Date): Promise<boolean> {
      return update(agentId, async (open) => {
        const others = open.filter((entry) => entry.id !== conversationId);
        let kept = others;
        if (others.length >= maxOpen) {
          const cutoff = now.getTime() - STALE_AFTER_MS;
          kept = [];
          for (const entry of others) {
            if (Date.parse(entry.at) >= cutoff || (await owns(agentId, entry.id))) kept.push(entry);
          }
          if (kept.length >= maxOpen) return null;
        }
        return [...kept, { id: conversationId, at: now.toISOString() }];
      });
    },

    /** Gives the conversation's place back (nothing when it holds none). */
    async release(agentId: string, conversationId: string): Promise<void> {
      await update(agentId, async (open) =>
        open.some((entry) => entry.id === conversationId)
          ? open.filter((entry) => entry.id !== conversationId)
          : null,
      );
    },
  };
}

export type MongoAgentLoads = ReturnType<typeof createMongoAgentLoads>;
