import { Hono } from 'hono';
import { RegionsPage } from '../../views/regions.js';
import { regionView } from '../analytics/regions.js';
import { requireView, withView } from '../http/view.js';
import type { RouteDeps } from './deps.js';

/** GET /regions: the regions compared, as of a month. */
export function regionRoutes({ store }: RouteDeps) {
  const app = new Hono();
  app.get('/regions', withView(store), async (c) => {
    const view = requireView(c);
    return c.html(
      <RegionsPage
        document={view.document}
        documents={view.documents}
        view={await regionView(store, view.tree, view.asOf)}
        asof={view.asOf.period}
      />,
    );
  });
  return app;
}
