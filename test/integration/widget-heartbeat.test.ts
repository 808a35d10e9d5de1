import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PING_BUDGET } from '../../apps/server/src/realtime/widget-namespace';
import { fingerprintStore } from '../support/store-fingerprint';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
/** Frozen while a burst is counted against the socket's budget, so the window cannot roll over. */
let frozenAt: Date | null = null;

beforeAll(async () => {
  server = await startTestServer({}, { clock: { now: () => frozenAt ?? new Date() } });
});

afterAll(async () => {
  await server?.close();
});

describe('link:ping, the widget heartbeat', () => {
  it('is answered with ok and writes nothing', async () => {
    const { socket } = await server.connectVisitor();
    const before = await fingerprintStore(server.store);
    expect(await socket.emitWithAck('link:ping', {})).toEqual({ ok: true, data: null });
    expect(await fingerprintStore(server.store)).toEqual(before);
  });

  it('refuses a payload with unknown fields as invalid_payload', async () => {
    const { socket } = await server.connectVisitor();
    const ack = await socket.emitWithAck('link:ping', { conversationId: 'x' } as never);
    expect(ack.ok ? 'ok' : ack.error.code).toBe('invalid_payload');
  });

  it('refuses a flood on one socket with rate_limited; another socket is unaffected', async () => {
    const flooder = await server.connectVisitor();
    const other = await server.connectVisitor();
    frozenAt = new Date();
    try {
      const codes: string[] = [];
      for (let i = 0; i < PING_BUDGET.limit + 3; i++) {
        const ack = await flooder.socket.emitWithAck('link:ping', {});
        codes.push(ack.ok ? 'ok' : ack.error.code);
      }
      expect(codes).toEqual([...Array(PING_BUDGET.limit).fill('ok'), ...Array(3).fill('rate_limited')]);
      expect((await other.socket.emitWithAck('link:ping', {})).ok).toBe(true);
      expect(flooder.socket.connected).toBe(true);
    } finally {
      frozenAt = null;
    }
  });
});
