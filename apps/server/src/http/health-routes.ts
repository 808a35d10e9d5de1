import { Router } from 'express';
import type { Store } from '../store/store';
import type { Metrics } from './metrics';

export function healthRoutes(store: Store, metrics: Metrics): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: 'ok', store: store.kind });
    } catch {
      res.status(503).json({ status: 'unavailable', store: store.kind });
    }
  });
  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
