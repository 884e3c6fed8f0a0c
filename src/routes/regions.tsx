import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { RegionsPage } from '../../views/regions.js';
import { regionView } from '../analytics/regions.js';
import { readDocumentTree } from '../catalog/read.js';
import type { Store } from '../store/store.js';
import { parseAsOf } from './as-of.js';
import { documentFor } from './context.js';

/** GET /regions: the regions compared, as of a month. */
export function regionRoutes(store: Store) {
  const app = new Hono();
  app.get('/regions', async (c) => {
    const ctx = await documentFor(c, store);
    if (!ctx) throw new HTTPException(404, { message: '尚未载入重点任务文件' });
    const asOf = await parseAsOf(store, ctx.document, c.req.query('asof'), c.req.query('known'));
    const view = await regionView(store, await readDocumentTree(store, ctx.document), asOf);
    return c.html(
      <RegionsPage document={ctx.document} documents={ctx.documents} view={view} asof={asOf.period} />,
    );
  });
  return app;
}
