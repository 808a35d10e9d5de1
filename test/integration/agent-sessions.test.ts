import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentHandshake, disconnected } from '../support/clients';
import { startTestServer, type TestServer } from '../support/test-server';

/** A clock the test moves: the server's sessions end when it says so. */
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ SESSION_TTL_HOURS: '12' }, { clock });
});
afterAll(() => server.close());

describe('an agent socket lives no longer than its session', () => {
  it('logout disconnects the sockets opened with that session, and only those', async () => {
    const { token } = await server.createAgent({ name: 'Lee' });
    const other = await server.createAgent({ name: 'Kim' });
    const first = await server.connectAgent(token);
    const second = await server.connectAgent(token);
    const colleague = await server.connectAgent(other.token);
    const ends = [disconnected(first), disconnected(second)];
    const res = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(204);
    expect(await Promise.all(ends)).toEqual(['io server disconnect', 'io server disconnect']);
    // The colleague's session goes on: their next request is answered.
    expect(await colleague.emitWithAck('conversation:list', {})).toMatchObject({ ok: true });
    expect(await agentHandshake(server.url, token)).toBe('unauthorized');
  });

  it('after the session expires, the next event is refused and the socket disconnected', async () => {
    const { token } = await server.createAgent({ name: 'Sam' });
    const socket = await server.connectAgent(token);
    expect(await socket.emitWithAck('conversation:list', {})).toMatchObject({ ok: true });
    const end = disconnected(socket);
    offsetMs = 13 * 3600 * 1000;
    try {
      expect(await socket.emitWithAck('conversation:list', {})).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      });
      expect(await end).toBe('io server disconnect');
      expect(await agentHandshake(server.url, token)).toBe('unauthorized');
    } finally {
      offsetMs = 0;
    }
  });
});
