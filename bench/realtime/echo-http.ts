import { createServer, type Server } from 'node:http';

/**
 * The HTTP side both echo servers share: the clients open a widget session first, as against the real
 * server, and get a token nobody checks; `/healthz` answers; everything else is a 404.
 */
export function createEchoHttpServer(): Server {
  return createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/api/widget/session') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token: 'echo', visitorId: 'echo' }));
      return;
    }
    res.writeHead(req.url === '/healthz' ? 200 : 404).end();
  });
}
