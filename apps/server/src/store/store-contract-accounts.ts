import type { Agent } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './store-contract';
import { StoreConflictError, StoreNotFoundError } from './store-errors';
import { agentFixture, at, auditFixture, sessionFixture } from './store-fixtures';

export function describeAccountContract(current: CurrentStore): void {
  describe('agents', () => {
    it('creates an agent and reads it back without the password hash', async () => {
      const store = current();
      const input = agentFixture({ role: 'admin' });
      const expected: Agent = {
        id: input.id,
        email: input.email,
        name: input.name,
        role: 'admin',
        createdAt: input.createdAt,
      };
      expect(await store.createAgent(input)).toEqual(expected);
      expect(await store.getAgent(input.id)).toEqual(expected);
      expect(await store.getAgent('agent_missing')).toBeNull();
    });

    it('finds credentials by email, ignoring case', async () => {
      const store = current();
      const input = agentFixture({ email: 'Ana.Silva@Example.com', passwordHash: 'scrypt$abc$def' });
      const agent = await store.createAgent(input);
      expect(await store.findAgentCredentials('ana.silva@example.COM')).toEqual({
        agent,
        passwordHash: 'scrypt$abc$def',
      });
      expect(await store.findAgentCredentials('nobody@example.com')).toBeNull();
    });

    it('rejects a second agent with the same email in another case', async () => {
      const store = current();
      await store.createAgent(agentFixture({ email: 'rui@example.com' }));
      await expect(store.createAgent(agentFixture({ email: 'RUI@example.com' }))).rejects.toBeInstanceOf(
        StoreConflictError,
      );
      expect(await store.countAgents()).toBe(1);
    });

    it('counts and lists agents', async () => {
      const store = current();
      expect(await store.countAgents()).toBe(0);
      expect(await store.listAgents()).toEqual([]);
      const created = [
        await store.createAgent(agentFixture({ createdAt: at(1) })),
        await store.createAgent(agentFixture({ createdAt: at(2), role: 'reviewer' })),
      ];
      expect(await store.countAgents()).toBe(2);
      const byId = (a: Agent, b: Agent) => a.id.localeCompare(b.id);
      expect((await store.listAgents()).sort(byId)).toEqual(created.sort(byId));
    });
  });

  describe('sessions', () => {
    it('returns a session until it expires', async () => {
      const store = current();
      const agent = await store.createAgent(agentFixture());
      const session = sessionFixture(agent.id, { createdAt: at(0), expiresAt: at(60) });
      await store.createSession(session);
      expect(await store.getSession(session.tokenHash, at(0))).toEqual(session);
      expect(await store.getSession(session.tokenHash, at(59))).toEqual(session);
      expect(await store.getSession(session.tokenHash, at(60))).toBeNull();
      expect(await store.getSession(session.tokenHash, at(61))).toBeNull();
      expect(await store.getSession('token_missing', at(0))).toBeNull();
    });

    it('deletes a session, and deleting an unknown one is harmless', async () => {
      const store = current();
      const agent = await store.createAgent(agentFixture());
      const session = sessionFixture(agent.id);
      await store.createSession(session);
      await store.deleteSession(session.tokenHash);
      expect(await store.getSession(session.tokenHash, at(0))).toBeNull();
      await expect(store.deleteSession('token_missing')).resolves.toBeUndefined();
    });

    it('removes the sessions expired at a time, and only those', async () => {
      const store = current();
      const agent = await store.createAgent(agentFixture());
      const old = sessionFixture(agent.id, { createdAt: at(0), expiresAt: at(10) });
      const ending = sessionFixture(agent.id, { createdAt: at(0), expiresAt: at(20) });
      const live = sessionFixture(agent.id, { createdAt: at(0), expiresAt: at(30) });
      for (const session of [old, ending, live]) await store.createSession(session);
      expect(await store.deleteExpiredSessions(at(20))).toBe(2);
      // Asked at a time they were still valid: the removed ones are gone, not just expired.
      expect(await store.getSession(old.tokenHash, at(5))).toBeNull();
      expect(await store.getSession(ending.tokenHash, at(5))).toBeNull();
      expect(await store.getSession(live.tokenHash, at(5))).toEqual(live);
      expect(await store.deleteExpiredSessions(at(20))).toBe(0);
    });

    it('refuses a session for an unknown agent', async () => {
      await expect(current().createSession(sessionFixture('agent_missing'))).rejects.toBeInstanceOf(
        StoreNotFoundError,
      );
    });
  });

  describe('audit trail', () => {
    it('appends events and lists them newest first, up to a limit', async () => {
      const store = current();
      const first = auditFixture({ at: at(1) });
      const second = auditFixture({ at: at(2), actor: null, target: null, data: {} });
      const third = auditFixture({ at: at(3), data: { nested: { ok: true }, list: [1, 'two'] } });
      for (const event of [first, second, third]) expect(await store.appendAudit(event)).toEqual(event);

      expect(await store.listAudit(10)).toEqual([third, second, first]);
      expect(await store.listAudit(2)).toEqual([third, second]);
      await expect(store.appendAudit(first)).rejects.toBeInstanceOf(StoreConflictError);
    });
  });
}
