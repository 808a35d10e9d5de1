import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Store } from '../store/store';
import type { Metrics } from './metrics';
import { sendError } from './rest-handler';

/** `/healthz` for load balancers; `/metrics` for Prometheus, behind `METRICS_TOKEN` when one is set. */
export function healthRoutes(
  store: Store,
  metrics: Metrics,
  options: { metricsToken?: string | undefined } = {},
): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: 'ok', store: store.kind });
    } catch {
      res.status(503).json({ status: 'unavailable', store: store.kind });
    }
  });
  router.get('/metrics', async (req, res) => {
    if (
      options.metricsToken !== undefined &&
      !bearerMatches(req.headers.authorization, options.metricsToken)
    ) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      return void sendError(res, {
        code: 'unauthorized',
        message: 'Send Authorization: Bearer <METRICS_TOKEN>.',
      });
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
