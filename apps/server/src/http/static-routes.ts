import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface StaticPaths {
  /** The built widget bundle (widget.js). */
  widgetBundle: string;
  /** The demo shop page served at `/`. */
  demoPage: string;
  /** The built console (index.html and assets). */
  consoleDir: string;
}

export const defaultStaticPaths: StaticPaths = {
  widgetBundle: path.join(repoRoot, 'apps/widget/dist/widget.js'),
  demoPage: path.join(repoRoot, 'apps/widget/demo/index.html'),
  consoleDir: path.join(repoRoot, 'apps/agent-console/dist'),
};

function notBuilt(what: string) {
  return `${what} is not built. Run "pnpm build" (the start command does it for you).`;
}

/** `/` (demo shop), `/widget.js`, `/console/` (SPA with history fallback). */
export function staticRoutes(paths: StaticPaths): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.sendFile(
      paths.demoPage,
      (err) => err && !res.headersSent && res.status(404).type('text').send('No demo page.'),
    );
  });
  router.get('/demo.css', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res
      .type('text/css')
      .sendFile(
        path.join(path.dirname(paths.demoPage), 'demo.css'),
        (err) => err && !res.headersSent && res.status(404).type('text').send('No demo styles.'),
      );
  });
  router.get('/widget.js', (_req, res) => {
    if (!existsSync(paths.widgetBundle))
      return void res.status(503).type('text').send(notBuilt('The widget'));
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/javascript').sendFile(paths.widgetBundle);
  });
  router.get('/console', (req, res, next) => {
    // Express matches '/console/' here too (non-strict routing); only the bare path redirects.
    if (req.path !== '/console') return next();
    res.redirect(301, '/console/');
  });
  router.use('/console', express.static(paths.consoleDir, { index: false, maxAge: '1h' }));
  router.get(/^\/console\/.*/, (_req, res) => {
    const index = path.join(paths.consoleDir, 'index.html');
    if (!existsSync(index)) return void res.status(503).type('text').send(notBuilt('The agent console'));
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
