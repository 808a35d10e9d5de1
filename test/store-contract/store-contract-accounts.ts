import type { Agent } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import { StoreConflictError, StoreNotFoundError } from '../../apps/server/src/store/store-errors';
import type { CurrentStore } from './store-contract';
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
        active: true,
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

  describe('agent changes', () => {
    it('changes a role and deactivates and reactivates an agent', async () => {
      const store = current();
      await store.createAgent(agentFixture({ role: 'admin' }));
      const agent = await store.createAgent(agentFixture({ role: 'agent' }));
      const promoted = await store.updateAgent(agent.id, { role: 'reviewer' });
      expect(promoted).toEqual({ ...agent, role: 'reviewer' });
      expect(await store.updateAgent(agent.id, { active: false })).toEqual({
        ...agent,
        role: 'reviewer',
        active: false,
      });
      expect(await store.getAgent(agent.id)).toMatchObject({ role: 'reviewer', active: false });
      expect(await store.updateAgent(agent.id, { active: true })).toMatchObject({ active: true });
      expect(await store.updateAgent('agent_missing', { active: false })).toBeNull();
    });

    it('refuses to leave the team without an active admin, changing nothing', async () => {
      const store = current();
      const admin = await store.createAgent(agentFixture({ role: 'admin' }));
      await store.createAgent(agentFixture({ role: 'reviewer' }));
      expect(await store.updateAgent(admin.id, { role: 'agent' })).toBe('last_admin');
      expect(await store.updateAgent(admin.id, { active: false })).toBe('last_admin');
      expect(await store.getAgent(admin.id)).toEqual(admin);
    });

    it('of two admins demoting each other at once, one stays an admin', async () => {
      const store = current();
      const a = await store.createAgent(agentFixture({ role: 'admin' }));
      const b = await store.createAgent(agentFixture({ role: 'admin' }));
      const results = await Promise.all([
        store.updateAgent(a.id, { role: 'agent' }),
        store.updateAgent(b.id, { active: false }),
      ]);
      expect(results).toContain('last_admin');
      const admins = (await store.listAgents()).filter((x) => x.role === 'admin' && x.active);
      expect(admins.length).toBeGreaterThanOrEqual(1);
    });

    it('ends every session of one agent and only theirs', async () => {
      const store = current();
      const ana = await store.createAgent(agentFixture());
      const rui = await store.createAgent(agentFixture());
      await store.createSession(sessionFixture(ana.id, { tokenHash: 'hash-ana-1' }));
      await store.createSession(sessionFixture(ana.id, { tokenHash: 'hash-ana-2' }));
      await store.createSession(sessionFixture(rui.id, { tokenHash: 'hash-rui-1' }));
      expect(await store.deleteAgentSessions(ana.id)).toBe(2);
      expect(await store.getSession('hash-ana-1', at(0))).toBeNull();
      expect(await store.getSession('hash-ana-2', at(0))).toBeNull();
      expect(await store.getSession('hash-rui-1', at(0))).not.toBeNull();
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
