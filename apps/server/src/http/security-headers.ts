import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The pages' Content-Security-Policy: everything from this origin only, no inline script or style, no
 * plugins. The Socket.IO connection is same-origin ('self' covers ws: and wss: to this host). The demo
 * shop may be framed by this origin only; the console by nobody (it is where agents act, so a page that
 * framed it could trick them into clicks).
 */
function pagePolicy(frameAncestors: string): RequestHandler {
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: [frameAncestors],
    },
  });
}

export interface SecurityHeaders {
  /** Every response: nosniff, referrer policy, no framing by default, HSTS behind HTTPS. */
  common: RequestHandler;
  /** `/api`: never cached, nothing in it runs as a page. */
  api: RequestHandler;
  /** The agent console. */
  console: RequestHandler;
  /** The demo shop page. */
  demo: RequestHandler;
  /** `/widget.js`: loaded by other sites' pages with a script tag. */
  widgetScript: RequestHandler;
}

export function securityHeaders(options: { https: boolean }): SecurityHeaders {
  const demoPolicy = pagePolicy("'self'");
  const apiPolicy = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  });
  return {
    common: helmet({
      // Set per path below: the pages, the API and the widget script need different ones.
      contentSecurityPolicy: false,
      crossOriginResourcePolicy: { policy: 'same-origin' },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      strictTransportSecurity: options.https ? { maxAge: 31_536_000 } : false,
      xFrameOptions: { action: 'deny' },
    }),
    api: (req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      apiPolicy(req, res, next);
    },
    console: pagePolicy("'none'"),
    demo: (req, res, next) => {
      res.setHeader('X-Frame-Options', 'SAMEORIGIN');
      demoPolicy(req, res, next);
    },
    widgetScript: (_req, res, next) => {
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      next();
    },
  };
}
