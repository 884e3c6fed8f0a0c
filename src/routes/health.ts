import { Hono } from 'hono';
import { dataVersion } from '../store/version-cache.js';
import type { RouteDeps } from './deps.js';

/** GET /healthz: 200 with the data version when the database answers, 503 otherwise. */
export function healthRoutes({ store }: RouteDeps) {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    try {
      return c.json({ status: 'ok', dataVersion: await dataVersion(store) });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });
  return app;
}
