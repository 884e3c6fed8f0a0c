import { Hono } from 'hono';
import { RegionsPage } from '../../views/regions.js';
import { regionView } from '../analytics/regions.js';
import { text } from '../http/validate.js';
import { queryOf, requireView, type ViewQuery, viewQuery, withView } from '../http/view.js';
import type { RouteDeps } from './deps.js';

const regionsQuery = viewQuery.extend({ parent: text(50) });

/** GET /regions?parent=…: the regions under one region compared, as of a month (全省 by default). */
export function regionRoutes({ store }: RouteDeps) {
  const app = new Hono();
  app.get('/regions', withView(store, { schema: regionsQuery }), async (c) => {
    const view = requireView(c);
    const { parent } = queryOf<ViewQuery & { parent?: string }>(c);
    return c.html(
      <RegionsPage
        document={view.document}
        documents={view.documents}
        view={await regionView(store, view.tree, view.asOf, parent)}
        asof={view.asOf.period}
      />,
    );
  });
  return app;
}
