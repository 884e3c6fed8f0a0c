import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { indicatorRows } from '../analytics/dashboard.js';
import { actorOf } from '../auth/middleware.js';
import { readDocumentTree } from '../catalog/read.js';
import type { Config } from '../config.js';
import { importedBy, importFile } from '../ingest/import.js';
import type { PendingUploads } from '../ingest/pending.js';
import { indicatorHistory } from '../ingest/uploads.js';
import type { Store } from '../store/store.js';
import { parseAsOf } from './as-of.js';
import { documentFor } from './context.js';
import { readOptions, uploadLimit } from './uploads.js';

/** JSON for scripts. */
export function apiRoutes({
  store,
  config,
  pending,
}: {
  store: Store;
  config: Config;
  pending: PendingUploads;
}) {
  const app = new Hono();

  /**
   * GET /api/indicators?asof=YYYY-MM&known=ISO&region=R&doc=ID: every indicator of a document (the
   * latest by default) with its target and, as of that month and recording time, its cumulative
   * actual, last reported period, completion and pace (ratios), status and forecast.
   */
  app.get('/indicators', async (c) => {
    const ctx = await documentFor(c, store);
    if (!ctx) return c.json({ document: null, indicators: [] });
    const asOf = await parseAsOf(store, ctx.document, c.req.query('asof'), c.req.query('known'));
    const tree = await readDocumentTree(store, ctx.document);
    const rows = await indicatorRows(store, tree, asOf, c.req.query('region') || '全省');
    return c.json({
      document: ctx.document,
      asof: asOf.period,
      known: asOf.known.toISOString(),
      indicators: rows.map((r) => ({ ...r, document_id: ctx.document.id, year: ctx.document.year })),
    });
  });

  app.get('/indicators/:code/actuals', async (c) => {
    const code = c.req.param('code');
    const indicator = await store.one('catalog/indicator_by_code', { code });
    if (!indicator) throw new HTTPException(404, { message: `指标编码不存在：${code}` });
    return c.json({ indicator, actuals: await indicatorHistory(store, code) });
  });

  /**
   * POST /api/uploads: the CSV as the raw body (Content-Type text/csv), or a multipart form with a
   * `file` field. Query: dry_run=1, region, series=actual|plan, basis=cumulative|increment,
   * file_name. Answers the import report: 200 committed / preview / unchanged / duplicate, 422 rejected.
   */
  app.post('/uploads', uploadLimit(config), async (c) => {
    const query = c.req.query();
    const options = readOptions(query);
    const actor = actorOf(c);
    const owner = { owner: actor.username, action: 'upload' as const };
    let fileName = query.file_name || 'upload.csv';
    let token: string;
    if ((c.req.header('Content-Type') ?? '').startsWith('multipart/form-data')) {
      const file = (await c.req.parseBody()).file;
      if (!(file instanceof File)) throw new HTTPException(422, { message: '表单中缺少 file 字段' });
      fileName = query.file_name || file.name;
      token = await pending.save(new Uint8Array(await file.arrayBuffer()), { fileName, options, ...owner });
    } else {
      if (!c.req.raw.body)
        throw new HTTPException(422, { message: '请求体为空：请把 CSV 文件作为请求体发送' });
      token = await pending.save(c.req.raw.body, { fileName, options, ...owner });
    }
    const saved = pending.find(token);
    if (!saved) throw new Error('pending upload vanished');
    const dryRun = query.dry_run === '1' || query.dry_run === 'true';
    try {
      const report = await importFile(store, saved.file, {
        ...options,
        fileName,
        dryRun,
        ...importedBy(actor, 'upload'),
      });
      if (report.status === 'committed' && report.uploadId !== null) pending.archive(token, report.uploadId);
      return c.json(report, report.status === 'rejected' || report.counts.errors > 0 ? 422 : 200);
    } finally {
      pending.remove(token);
    }
  });

  return app;
}
