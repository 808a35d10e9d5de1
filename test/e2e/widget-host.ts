import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One file of a test host site: its content type and body. */
export interface HostFile {
  type: string;
  body: string;
}

export interface HostSite {
  url: string;
  /** Sets or replaces a file (paths start with `/`). */
  set(path: string, file: HostFile): void;
  close(): Promise<void>;
}

/**
 * A company's own site on another origin, for the widget to be embedded in, under a strict policy: no
 * inline script or style, no eval; scripts only from itself and the support server.
 */
export async function startHostSite(supportUrl: () => string): Promise<HostSite> {
  const files = new Map<string, HostFile>();
  const server: Server = createServer((req, res) => {
    const file = files.get(new URL(req.url ?? '/', 'http://host').pathname);
    if (!file) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const support = new URL(supportUrl());
    res.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'none'",
        `script-src 'self' ${support.origin}`,
        "style-src 'self'",
        `connect-src ${support.origin} ws://${support.host}`,
        "img-src 'self' data:",
        "base-uri 'none'",
      ].join('; '),
    );
    res.setHeader('content-type', `${file.type}; charset=utf-8`);
    res.setHeader('cache-control', 'no-store');
    res.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set: (path, file) => void files.set(path, file),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const html = (body: string): HostFile => ({ type: 'text/html', body });
export const js = (body: string): HostFile => ({ type: 'text/javascript', body });
export const css = (body: string): HostFile => ({ type: 'text/css', body });

/**
 * The README's asynchronous embed: a stub that queues commands until the widget arrives, then the
 * page's own calls. `events` are recorded in `window.hostLog` for the test to read.
 */
export function embedScript(supportUrl: string, initOptions: Record<string, unknown>): string {
  return `window.HitlWidget = window.HitlWidget || { q: [] };
['init', 'open', 'close', 'toggle', 'identify', 'on', 'shutdown'].forEach(function (m) {
  HitlWidget[m] = HitlWidget[m] || function () { HitlWidget.q.push([m, [].slice.call(arguments)]); };
});
window.hostLog = [];
['ready', 'open', 'close', 'message', 'unread'].forEach(function (name) {
  HitlWidget.on(name, function (detail) { window.hostLog.push({ event: name, detail: detail || null }); });
});
HitlWidget.init(${JSON.stringify({ server: supportUrl, ...initOptions })});
var s = document.createElement('script');
s.src = ${JSON.stringify(`${supportUrl}/widget.js`)};
s.async = true;
document.head.appendChild(s);
`;
}

/** A plain page that loads its embed script (`/embed.js` unless told) and `extraHead`: nothing inline. */
export function hostPage(title: string, extraHead = '', script = '/embed.js'): HostFile {
  return html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">${extraHead}
<script src="${script}" defer></script></head>
<body><main><h1>${title}</h1><p class="intro">Tents, lamps and stoves.</p><a href="/other">Another page</a></main></body></html>`);
}
