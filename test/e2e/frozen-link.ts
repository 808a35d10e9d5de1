import { type AddressInfo, createServer, type Server, Socket } from 'node:net';

export interface FrozenLink {
  url: string;
  /** Stops forwarding in both directions without closing anything: a link that died silently. */
  freeze(): void;
  /** Drops the frozen connections (as a timed-out network would) and forwards new ones again. */
  thaw(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of the support server that can go silent: the case neither the browser's
 * offline event nor a closed socket reports, which only a heartbeat notices.
 */
export async function startFrozenLink(target: string): Promise<FrozenLink> {
  const { hostname, port } = new URL(target);
  let frozen = false;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    if (frozen) {
      client.pause();
      return;
    }
    const upstream = new Socket();
    open.add(upstream);
    upstream.on('close', () => {
      open.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.connect(Number(port), hostname, () => {
      client.on('data', (chunk) => {
        if (!frozen) upstream.write(chunk);
      });
      upstream.on('data', (chunk) => {
        if (!frozen) client.write(chunk);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      for (const socket of open) socket.destroy();
      frozen = false;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
