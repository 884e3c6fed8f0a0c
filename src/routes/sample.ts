import { Hono } from 'hono';
import { actorOf } from '../auth/middleware.js';
import { requireDocument, withView } from '../http/view.js';
import { loadSample, removeSample } from '../ingest/sample.js';
import type { RouteDeps } from './deps.js';

/** Load or remove the labelled sample data set, so a newcomer sees a living dashboard at once. */
export function sampleRoutes({ store }: RouteDeps) {
  const app = new Hono();

  app.post('/sample', withView(store, { month: false }), async (c) => {
    const { document } = requireDocument(c);
    await loadSample(store, document.id, document.year, actorOf(c));
    return c.redirect('/', 303);
  });

  app.post('/sample/remove', async (c) => {
    await removeSample(store, actorOf(c));
    return c.redirect('/', 303);
  });

  return app;
}
