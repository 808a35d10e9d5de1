import mongoose from 'mongoose';
import { insertOrConflict } from './mongo-connection';
import type { AgentDoc, AuditDoc, SessionDoc } from './mongo-documents';
import type { MongoModels } from './mongo-models';
import { isKey, toAgent, toAuditEvent, toSession } from './mongo-rows';
import type { AccountMethods } from './store';
import { StoreNotFoundError } from './store-errors';
import { toUtcIso } from './timestamps';

/** Agents, their login sessions and the audit trail of what they did. */
export function createMongoAccounts(models: MongoModels): AccountMethods {
  const { agents, sessions, audit } = models;

  return {
    async createAgent(input) {
      const doc: AgentDoc = {
        _id: input.id,
        email: input.email,
        emailLower: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        passwordHash: input.passwordHash,
        active: true,
        createdAt: input.createdAt,
      };
      await insertOrConflict(() => agents.create(doc), { entity: 'agent', key: input.email });
      return toAgent(doc);
    },

    async getAgent(id) {
      if (!isKey(id)) return null;
      const doc = await agents.findById(id).lean<AgentDoc>();
      return doc === null ? null : toAgent(doc);
    },

    async findAgentCredentials(email) {
      if (!isKey(email)) return null;
      const doc = await agents.findOne({ emailLower: email.toLowerCase() }).lean<AgentDoc>();
      return doc === null ? null : { agent: toAgent(doc), passwordHash: doc.passwordHash };
    },

    async countAgents() {
      return agents.countDocuments({});
    },

    async listAgents() {
      const docs = await agents.find({}).sort({ createdAt: 1, _id: 1 }).lean<AgentDoc[]>();
      return docs.map(toAgent);
    },

    async updateAgent(id, patch) {
      if (!isKey(id)) return null;
      const set: Partial<AgentDoc> = {
        ...(patch.role === undefined ? {} : { role: patch.role }),
        ...(patch.active === undefined ? {} : { active: patch.active }),
      };
      const before = await agents.findOneAndUpdate({ _id: id }, { $set: set }).lean<AgentDoc>();
      if (before === null) return null;
      const after = { ...before, ...set };
      // No multi-document transaction: the change is undone when it left no active admin. Of two admins
      // demoting each other at once, at least one sees the other still an admin, so one always remains.
      const admins = await agents.countDocuments({ role: 'admin', active: mongoose.trusted({ $ne: false }) });
      if (admins === 0) {
        await agents.updateOne({ _id: id }, { $set: { role: before.role, active: before.active !== false } });
        return 'last_admin';
      }
      return toAgent(after);
    },

    async createSession(session) {
      // Agents are never deleted, so checking first is as good as a foreign key here.
      if ((await agents.exists({ _id: session.agentId })) === null) {
        throw new StoreNotFoundError('agent', session.agentId);
      }
      const doc: SessionDoc = {
        _id: session.tokenHash,
        agentId: session.agentId,
        createdAt: session.createdAt,
        expiresAt: session.expiresAt,
      };
      await insertOrConflict(() => sessions.create(doc), { entity: 'session', key: 'token' });
    },

    async getSession(tokenHash, now) {
      if (!isKey(tokenHash)) return null;
      const doc = await sessions
        .findOne({ _id: tokenHash, expiresAt: mongoose.trusted({ $gt: toUtcIso(now) }) })
        .lean<SessionDoc>();
      return doc === null ? null : toSession(doc);
    },

    async deleteSession(tokenHash) {
      if (!isKey(tokenHash)) return;
      await sessions.deleteOne({ _id: tokenHash });
    },

    async deleteAgentSessions(agentId) {
      if (!isKey(agentId)) return 0;
      return (await sessions.deleteMany({ agentId })).deletedCount;
    },

    async deleteExpiredSessions(now) {
      const { deletedCount } = await sessions.deleteMany({
        expiresAt: mongoose.trusted({ $lte: toUtcIso(now) }),
      });
      return deletedCount;
    },

    async appendAudit(event) {
      const doc: AuditDoc = {
        _id: event.id,
        actor: event.actor,
        action: event.action,
        target: event.target,
        data: event.data,
        at: event.at,
      };
      await insertOrConflict(() => audit.create(doc), { entity: 'audit event', key: event.id });
      return structuredClone(event);
    },

    async listAudit(limit) {
      const docs = await audit.find({}).sort({ at: -1, _id: -1 }).limit(limit).lean<AuditDoc[]>();
      return docs.map(toAuditEvent);
    },
  };
}
