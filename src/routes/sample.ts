import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { actorOf } from '../auth/middleware.js';
import { listDocuments } from '../catalog/read.js';
import { loadSample, removeSample } from '../ingest/sample.js';
import type { Store } from '../store/store.js';

/** Load or remove the labelled sample data set, so a newcomer sees a living dashboard at once. */
export function sampleRoutes(store: Store) {
  const app = new Hono();

  app.post('/sample', async (c) => {
    const [document] = await listDocuments(store);
    if (!document) throw new HTTPException(404, { message: '尚未载入重点任务文件，无法加载示例数据。' });
    const report = await loadSample(store, document.id, document.year, actorOf(c));
    if (report.status === 'rejected') throw new Error(`sample data rejected: ${report.problems[0]?.message}`);
    return c.redirect('/', 303);
  });

  app.post('/sample/remove', async (c) => {
    await removeSample(store, actorOf(c));
    return c.redirect('/', 303);
  });

  return app;
}
