import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';

export interface RedisAdapterHandle {
  adapter: ReturnType<typeof createAdapter>;
  /** A connected client for other shared state (rate-limit counters). */
  client: unknown;
  close(): Promise<void>;
}

/**
 * The pub/sub Redis adapter: broadcasts and `fetchSockets` reach every node. We do not need the
 * streams adapter's connection-state recovery: clients catch up by `seq` from the store, which
 * survives a Redis or node restart, so plain pub/sub (lower latency, nothing kept in Redis) is enough.
 */
export async function connectRedisAdapter(url: string): Promise<RedisAdapterHandle> {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  pub.on('error', () => undefined);
  sub.on('error', () => undefined);
  await Promise.all([pub.connect(), sub.connect()]);
  return {
    adapter: createAdapter(pub, sub, { requestsTimeout: 3000 }),
    client: pub,
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
