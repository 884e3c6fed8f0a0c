import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { VersionCache } from '../analytics/cache.js';
import { indicatorRowsByRegion } from '../analytics/dashboard.js';
import { STATUSES, type Status } from '../analytics/thresholds.js';
import { readDocumentTree, resolveDepartment } from '../catalog/read.js';
import {
  CONTENT_TYPES,
  FORMATS,
  type Format,
  snapshotArrow,
  snapshotCsv,
  snapshotJson,
  snapshotParquet,
  snapshotXlsx,
} from '../export/formats.js';
import { exportHistory, HISTORY_FORMATS, type HistoryFormat } from '../export/history.js';
import { type SnapshotParams, snapshotFileName, snapshotNotes, snapshotRows } from '../export/snapshot.js';
import type { Store } from '../store/store.js';
import { parseAsOf } from './as-of.js';
import { documentFor } from './context.js';

/**
 * GET /api/snapshot?asof=YYYY-MM&format=csv|json|xlsx|parquet|arrow[&known=ISO][&department=…]
 * [&part=N][&status=…][&region=…][&by=region][&doc=…]: every indicator's state as of the month
 * (with by=region, one row per indicator and reporting region), in the format
 * asked. The same parameters give the same bytes (CSV, JSON, Parquet): stable order, no timestamps.
 */
export function snapshotRoutes(store: Store, cache: VersionCache) {
  const app = new Hono();

  app.get('/snapshot', async (c) => {
    const format = (c.req.query('format') || 'csv') as Format;
    if (!FORMATS.includes(format)) {
      throw new HTTPException(400, { message: `格式“${format}”无效，应为 ${FORMATS.join('、')} 之一` });
    }
    const ctx = await documentFor(c, store);
    if (!ctx) throw new HTTPException(404, { message: '尚未载入重点任务文件' });
    const asOf = await parseAsOf(store, ctx.document, c.req.query('asof'), c.req.query('known'));
    const tree = await readDocumentTree(store, ctx.document);
    const department = c.req.query('department')
      ? await resolveDepartment(store, c.req.query('department') ?? '')
      : null;
    const status = c.req.query('status') || null;
    if (status !== null && !(STATUSES as readonly string[]).includes(status)) {
      throw new HTTPException(400, { message: `状态“${status}”无效，应为 ${STATUSES.join('、')} 之一` });
    }
    const partRaw = c.req.query('part');
    const part = partRaw ? Number(partRaw) : null;
    if (part !== null && !(Number.isInteger(part) && part >= 1 && part <= tree.parts.length)) {
      throw new HTTPException(400, {
        message: `部分“${partRaw}”无效，应为 1 到 ${tree.parts.length} 之间的数字`,
      });
    }
    const region = c.req.query('region') || '全省';
    const byRegion = c.req.query('by') === 'region';
    const params: SnapshotParams = {
      document: ctx.document.id,
      asof: asOf.period,
      known: c.req.query('known') ? asOf.known.toISOString() : null,
      region,
      byRegion,
      department,
      part,
      status,
    };
    const regions = byRegion
      ? (
          await store.all<{ region: string }>('analytics/reported_regions', { document: ctx.document.id })
        ).map((r) => r.region)
      : [region];
    const rows = [];
    for (const [name, all] of await indicatorRowsByRegion(store, tree, asOf, regions)) {
      rows.push(
        ...snapshotRows(
          tree,
          all.filter(
            (r) =>
              (!department || r.departments.includes(department)) &&
              (part === null || r.part === part) &&
              (!status || r.status === (status as Status)),
          ),
          name,
        ),
      );
    }
    const version = await cache.version();
    const body =
      format === 'csv'
        ? snapshotCsv(rows)
        : format === 'json'
          ? snapshotJson(rows, params)
          : format === 'xlsx'
            ? await snapshotXlsx(rows, snapshotNotes(params, version))
            : format === 'arrow'
              ? snapshotArrow(rows)
              : await snapshotParquet(store, rows);
    c.header('Content-Type', CONTENT_TYPES[format]);
    c.header(
      'Content-Disposition',
      `attachment; filename="snapshot.${format}"; filename*=UTF-8''${encodeURIComponent(snapshotFileName(params, format))}`,
    );
    return c.body(body as unknown as ArrayBuffer);
  });

  /** GET /api/actuals?format=csv|parquet|json[&doc=…]: every value ever recorded, for auditors. */
  app.get('/actuals', async (c) => {
    const format = (c.req.query('format') || 'csv') as HistoryFormat;
    if (!HISTORY_FORMATS.includes(format)) {
      throw new HTTPException(400, {
        message: `格式“${format}”无效，应为 ${HISTORY_FORMATS.join('、')} 之一`,
      });
    }
    const ctx = await documentFor(c, store);
    if (!ctx) throw new HTTPException(404, { message: '尚未载入重点任务文件' });
    const { stream } = await exportHistory(store, ctx.document.id, format);
    const types: Record<HistoryFormat, string> = {
      csv: CONTENT_TYPES.csv,
      parquet: CONTENT_TYPES.parquet,
      json: 'application/x-ndjson; charset=utf-8',
    };
    c.header('Content-Type', types[format]);
    c.header(
      'Content-Disposition',
      `attachment; filename="history.${format}"; filename*=UTF-8''${encodeURIComponent(`${ctx.document.year}年-填报历史.${format}`)}`,
    );
    return c.body(stream);
  });

  return app;
}
