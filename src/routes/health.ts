import { Hono } from 'hono';
import type { Store } from '../store/store.js';

/** GET /healthz: 200 with the data version when the database answers, 503 otherwise. */
export function healthRoutes(store: Store) {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    try {
      const row = await store.one<{ version: number }>('meta/data_version');
      return c.json({ status: 'ok', dataVersion: row?.version ?? 0 });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });
  return app;
}
