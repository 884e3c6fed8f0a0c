import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { buildSnapshot } from '../../export/build.js';
import { CONTENT_TYPES, FORMATS } from '../../export/formats.js';
import { exportHistory, HISTORY_FORMATS, HISTORY_TYPES } from '../../export/history.js';
import { snapshotFileName } from '../../export/snapshot.js';
import { attachment } from '../../http/downloads.js';
import { optional } from '../../http/validate.js';
import { pendingScopeOf, requireResolvedView, viewQuery } from '../../http/view.js';
import { dataVersion } from '../../store/version-cache.js';
import type { RouteDeps } from '../deps.js';
import { binary, errorBody } from './schemas.js';

const snapshotRoute = createRoute({
  method: 'get',
  path: '/snapshot',
  summary: '指标快照下载',
  description:
    '截至 asof 月末的每个指标一行（by=region 时每个指标、每个报送地区一行），按 department、part、status、kind、region 筛选。同样的参数得到同样的字节（CSV、JSON、Parquet）。',
  request: {
    query: viewQuery.extend({
      format: optional(z.enum(FORMATS, { error: `应为 ${FORMATS.join('、')} 之一` })),
      by: optional(z.enum(['region'], { error: '只能为 region' })),
    }),
  },
  responses: { 200: binary('快照文件'), 400: errorBody, 404: errorBody },
});

const actualsRoute = createRoute({
  method: 'get',
  path: '/actuals',
  summary: '全部填报历史（审计用）',
  description:
    '文件的每个数值：指标、地区、统计期、数值、口径、状态、备注、批次、填报人、文件、行号、记录时间、撤回时间与失效时间。由 DuckDB 写出并流式传输。',
  request: {
    query: z.object({
      doc: viewQuery.shape.doc,
      format: optional(z.enum(HISTORY_FORMATS, { error: `应为 ${HISTORY_FORMATS.join('、')} 之一` })),
    }),
  },
  responses: { 200: binary('填报历史文件'), 400: errorBody, 404: errorBody },
});

export function snapshotApi(app: OpenAPIHono, { store }: RouteDeps) {
  app.openapi(snapshotRoute, async (c) => {
    const { format = 'csv', by, ...query } = c.req.valid('query');
    const view = await requireResolvedView(store, query, pendingScopeOf(c));
    const { body, params } = await buildSnapshot(
      store,
      { ...view, byRegion: by === 'region' },
      format,
      await dataVersion(store),
    );
    attachment(c, CONTENT_TYPES[format], snapshotFileName(params, format), 'snapshot');
    return c.body(body as unknown as ArrayBuffer, 200);
  });

  app.openapi(actualsRoute, async (c) => {
    const { format = 'csv', doc } = c.req.valid('query');
    const view = await requireResolvedView(store, { doc });
    const stream = await exportHistory(store, view.document.id, format);
    attachment(c, HISTORY_TYPES[format], `${view.document.year}年-填报历史.${format}`, 'history');
    return c.body(stream, 200);
  });
}
