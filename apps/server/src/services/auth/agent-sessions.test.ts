import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../store/sqlite-store';
import { authenticateAgent, loginAgent, logoutAgent } from './agent-sessions';
import { hashPassword } from './password';

describe('agent sessions', () => {
  it('log in, authenticate until expiry, log out; each login removes the sessions that ran out', async () => {
    const store = await createSqliteStore({ file: ':memory:' });
    try {
      await store.createAgent({
        id: 'agent_1',
        email: 'ana@example.com',
        name: 'Ana',
        role: 'agent',
        passwordHash: await hashPassword('correct horse'),
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      const credentials = { email: 'ANA@example.com', password: 'correct horse' };
      const hour = 3600_000;
      const start = new Date('2026-01-01T08:00:00.000Z');
      const later = (hours: number) => new Date(start.getTime() + hours * hour);

      await expect(loginAgent(store, { ...credentials, password: 'wrong' }, start, 1)).rejects.toMatchObject({
        code: 'unauthorized',
      });
      const first = await loginAgent(store, credentials, start, 1);
      expect((await authenticateAgent(store, first.token, later(0.5)))?.id).toBe('agent_1');
      expect(await authenticateAgent(store, first.token, later(1))).toBeNull();

      // Two hours on, a new login: the first session is removed, not only refused.
      const second = await loginAgent(store, credentials, later(2), 1);
      expect(await authenticateAgent(store, first.token, later(0.5))).toBeNull();
      expect((await authenticateAgent(store, second.token, later(2.5)))?.id).toBe('agent_1');

      await logoutAgent(store, second.token);
      expect(await authenticateAgent(store, second.token, later(2.5))).toBeNull();
    } finally {
      await store.close();
    }
  });
});
