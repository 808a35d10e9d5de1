import type Database from 'better-sqlite3';
import { mapConstraints, type Sql } from './sqlite-database';
import {
  type AgentRow,
  type AuditRow,
  type SessionRow,
  toAgent,
  toAuditEvent,
  toJson,
  toSession,
} from './sqlite-rows';
import type { AccountMethods, AgentPatch } from './store';
import { toUtcIso } from './timestamps';

/** Agents, their login sessions and the audit trail of what they did. */
export function createSqliteAccounts(sql: Sql, db: Database.Database): AccountMethods {
  // One transaction: the change and the check that an active admin remains stand or fall together.
  const updateAgent = db.transaction((id: string, patch: AgentPatch): AgentRow | null => {
    const row = sql<AgentRow>(
      `UPDATE agents SET role = coalesce(@role, role), active = coalesce(@active, active)
       WHERE id = @id RETURNING *`,
    ).get({
      id,
      role: patch.role ?? null,
      active: patch.active === undefined ? null : Number(patch.active),
    });
    if (row === undefined) return null;
    const admins = sql<{ n: number }>(
      "SELECT count(*) AS n FROM agents WHERE role = 'admin' AND active = 1",
    ).get() as { n: number };
    if (admins.n === 0) throw new LastAdminError();
    return row;
  });

  return {
    async createAgent(input) {
      const row = mapConstraints(
        () =>
          sql<AgentRow>(
            `INSERT INTO agents (id, email, name, role, password_hash, created_at)
             VALUES (@id, @email, @name, @role, @passwordHash, @createdAt) RETURNING *`,
          ).get({ ...input }),
        { entity: 'agent', key: input.email },
      );
      return toAgent(row as AgentRow);
    },

    async getAgent(id) {
      const row = sql<AgentRow>('SELECT * FROM agents WHERE id = @id').get({ id });
      return row === undefined ? null : toAgent(row);
    },

    async findAgentCredentials(email) {
      const row = sql<AgentRow>('SELECT * FROM agents WHERE lower(email) = lower(@email)').get({ email });
      return row === undefined ? null : { agent: toAgent(row), passwordHash: row.password_hash };
    },

    async countAgents() {
      return (sql<{ n: number }>('SELECT count(*) AS n FROM agents').get() as { n: number }).n;
    },

    async listAgents() {
      return sql<AgentRow>('SELECT * FROM agents ORDER BY created_at ASC, id ASC').all().map(toAgent);
    },

    async updateAgent(id, patch) {
      try {
        const row = updateAgent.immediate(id, patch);
        return row === null ? null : toAgent(row);
      } catch (error) {
        if (error instanceof LastAdminError) return 'last_admin';
        throw error;
      }
    },

    async createSession(session) {
      mapConstraints(
        () =>
          sql(
            `INSERT INTO sessions (token_hash, agent_id, created_at, expires_at)
             VALUES (@tokenHash, @agentId, @createdAt, @expiresAt)`,
          ).run({ ...session }),
        { entity: 'session', key: 'token' },
        { entity: 'agent', id: session.agentId },
      );
    },

    async getSession(tokenHash, now) {
      const row = sql<SessionRow>(
        'SELECT * FROM sessions WHERE token_hash = @tokenHash AND expires_at > @now',
      ).get({ tokenHash, now: toUtcIso(now) });
      return row === undefined ? null : toSession(row);
    },

    async deleteSession(tokenHash) {
      sql('DELETE FROM sessions WHERE token_hash = @tokenHash').run({ tokenHash });
    },

    async deleteAgentSessions(agentId) {
      return sql('DELETE FROM sessions WHERE agent_id = @agentId').run({ agentId }).changes;
    },

    async deleteExpiredSessions(now) {
      return sql('DELETE FROM sessions WHERE expires_at <= @now').run({ now: toUtcIso(now) }).changes;
    },

    async appendAudit(event) {
      mapConstraints(
        () =>
          sql(
            `INSERT INTO audit_events (id, actor, action, target, data, at)
             VALUES (@id, @actor, @action, @target, @data, @at)`,
          ).run({ ...event, actor: toJson(event.actor), data: JSON.stringify(event.data) }),
        { entity: 'audit event', key: event.id },
      );
      return structuredClone(event);
    },

    async listAudit(limit) {
      const rows = sql<AuditRow>('SELECT * FROM audit_events ORDER BY at DESC, rowid DESC LIMIT @limit').all({
        limit,
      });
      return rows.map(toAuditEvent);
    },
  };
}

/** Rolls the agent update back: it would have left no active admin. */
class LastAdminError extends Error {}
