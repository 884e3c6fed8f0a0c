import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { indicatorRows, indicatorRowsByRegion } from '../../analytics/dashboard.js';
import { previousEditions } from '../../analytics/editions.js';
import { indicatorHistory } from '../../analytics/history.js';
import { actorOf } from '../../auth/middleware.js';
import { correctIndicator } from '../../catalog/corrections.js';
import { findIndicator } from '../../catalog/read.js';
import { pendingScopeOf, resolveView, viewQuery } from '../../http/view.js';
import type { RouteDeps } from '../deps.js';
import { errorBody, indicatorState } from './schemas.js';

const indicatorsRoute = createRoute({
  method: 'get',
  path: '/indicators',
  summary: '各指标完成情况',
  description:
    '文件（默认最新一份）的每个指标（previous：上一版文件中的同一指标及其目标与年末完成情况，没有时为 null）：目标、单位、完成时限、类型、责任单位，以及截至 asof 月末（默认：至少半数已报送指标都已报到的最近月份）、按 known 时刻（默认现在）所知的累计完成、完成率、序时进度、状态与预测。region 指定地区（默认全省）。',
  request: { query: viewQuery },
  responses: {
    200: {
      description: '指标列表（尚未载入文件时 document 为 null）',
      content: {
        'application/json': {
          schema: z.object({
            document: z.object({ id: z.string(), title: z.string(), year: z.number() }).loose().nullable(),
            asof: z.string().optional(),
            known: z.string().optional(),
            indicators: z.array(indicatorState),
          }),
        },
      },
    },
    400: errorBody,
    404: errorBody,
  },
});

const actualsRoute = createRoute({
  method: 'get',
  path: '/indicators/{code}/actuals',
  summary: '一个指标报送过的全部数值',
  description:
    '每个数值的统计期、地区、类型、口径、批次、记录时间，以及停止计数的时间（superseded_at，仍计数时为 null）和撤回时间。',
  request: { params: z.object({ code: z.string().max(40) }) },
  responses: {
    200: {
      description: '指标与其全部历史数值',
      content: {
        'application/json': {
          schema: z.object({
            indicator: z.object({ code: z.string() }).loose(),
            actuals: z.array(z.object({}).loose()),
          }),
        },
      },
    },
    404: errorBody,
  },
});

const revisionBody = z.object({
  target: z.union([z.number(), z.string().max(40)]).optional(),
  unit: z.string().max(20).optional(),
  deadline: z.string().max(20).optional(),
  effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应写成 YYYY-MM-DD，如 2021-07-01'),
  source: z.string().trim().min(1, '请写明依据的文件或决定').max(200),
  reason: z.string().trim().min(1, '请写明调整原因').max(200),
  region: z
    .string()
    .trim()
    .max(50)
    .optional()
    .meta({ description: '目标分解：只为该地区设定目标值（如 长春市）；不填或“全省”为全省目标' }),
});

const revisionRoute = createRoute({
  method: 'post',
  path: '/indicators/{code}/revisions',
  summary: '调整指标目标（管理员）',
  description:
    '从 effective 起调整目标值、单位或完成时限，注明依据文件（source）与原因；带 region 时只设定该地区的目标（目标分解），该地区的完成率与状态按它计算。此前各月仍按原目标计算；以 known 查询调整记录之前的时刻，看到的也是原目标。',
  request: {
    params: z.object({ code: z.string().max(40) }),
    body: { required: true, content: { 'application/json': { schema: revisionBody } } },
  },
  responses: {
    200: {
      description: '调整了几项',
      content: { 'application/json': { schema: z.object({ code: z.string(), changed: z.number() }) } },
    },
    403: errorBody,
    404: errorBody,
    422: errorBody,
  },
});

export function indicatorApi(app: OpenAPIHono, { store }: RouteDeps) {
  app.openapi(revisionRoute, async (c) => {
    const { code } = c.req.valid('param');
    const body = c.req.valid('json');
    await findIndicator(store, code);
    const changed = await correctIndicator(store, actorOf(c), code, {
      ...body,
      target: body.target === undefined ? undefined : String(body.target),
    });
    return c.json({ code, changed }, 200);
  });

  app.openapi(indicatorsRoute, async (c) => {
    const view = await resolveView(store, c.req.valid('query'), pendingScopeOf(c));
    if (!view) return c.json({ document: null, indicators: [] }, 200);
    const rows =
      view.region === '全省'
        ? await indicatorRows(store, view.tree, view.asOf)
        : ((await indicatorRowsByRegion(store, view.tree, view.asOf, [view.region])).get(view.region) ?? []);
    const previous = await previousEditions(store, view.document, view.documents, view.asOf.known);
    return c.json(
      {
        document: view.document,
        asof: view.asOf.period,
        known: view.asOf.known.toISOString(),
        indicators: rows.map((r) => ({
          ...r,
          document_id: view.document.id,
          year: view.document.year,
          previous: previous.get(r.code) ?? null,
        })),
      },
      200,
    );
  });

  app.openapi(actualsRoute, async (c) => {
    const indicator = await findIndicator(store, c.req.valid('param').code);
    return c.json({ indicator, actuals: await indicatorHistory(store, indicator) }, 200);
  });
}
