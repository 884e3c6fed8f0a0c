import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { approveUpload, rejectUpload } from '../../accountability/approval.js';
import { dubanList } from '../../accountability/duban.js';
import { addEvidence, type EvidenceRow, listEvidence } from '../../accountability/evidence.js';
import { REPORT_STATES, reportingView } from '../../accountability/reporting.js';
import { DUBAN_COLUMNS, dubanXlsx, OWED_COLUMNS, owedXlsx, rowsCsv } from '../../accountability/sheets.js';
import { STATUS_RULE, STATUSES } from '../../analytics/thresholds.js';
import { actorOf } from '../../auth/middleware.js';
import { findIndicator } from '../../catalog/read.js';
import { InvalidError } from '../../errors.js';
import { attachment } from '../../http/downloads.js';
import { optional } from '../../http/validate.js';
import { pendingScopeOf, requireResolvedView, viewQuery } from '../../http/view.js';
import type { RouteDeps } from '../deps.js';
import { errorBody } from './schemas.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TABLE_FORMATS = ['json', 'csv', 'xlsx'] as const;
const formatQuery = optional(z.enum(TABLE_FORMATS, { error: '应为 json、csv 或 xlsx 之一' }));

/** JSON, or the same as a CSV or XLSX file to save. */
const tableResponse = (description: string, schema: z.ZodType) => ({
  description,
  content: {
    'application/json': { schema },
    'text/csv': { schema: z.string().meta({ format: 'binary' }) },
    [XLSX]: { schema: z.string().meta({ format: 'binary' }) },
  },
});

const dubanRow = z
  .object({
    department: z.string().meta({ description: '牵头单位（任务中第一个责任单位）' }),
    rank: z.number().meta({ description: '在本单位内按差距排序的名次，1 为最落后' }),
    task_seq: z.number(),
    task_text: z.string(),
    code: z.string(),
    name: z.string(),
    target: z.number().nullable(),
    unit: z.string().nullable(),
    actual: z.number().nullable(),
    completion: z.number().nullable().meta({ description: '完成率，比率' }),
    pace: z.number().meta({ description: '序时进度，比率' }),
    gap: z.number().meta({ description: '差距：序时进度 − 完成率（无完成率按 0 计），比率' }),
    deadline: z.string(),
    overdue: z.boolean().meta({ description: '已过完成时限仍未完成' }),
    last_period: z.string().nullable(),
    status: z.enum(STATUSES),
  })
  .loose();

const dubanRoute = createRoute({
  method: 'get',
  path: '/duban',
  summary: '督办清单',
  description:
    '截至 asof 月末，每个牵头单位（任务中第一个责任单位）状态为滞后、严重滞后或未报送的指标，以及已过完成时限仍未完成的指标，按差距（序时进度 − 完成率）从大到小排列。department 只看一个牵头单位；format=csv 或 xlsx 下载文件。只计已审核（或无需审核）的数值。',
  request: { query: viewQuery.extend({ format: formatQuery }) },
  responses: {
    200: tableResponse(
      '督办清单',
      z.object({
        asof: z.string(),
        document: z.object({ id: z.string(), title: z.string(), year: z.number() }),
        rows: z.array(dubanRow),
      }),
    ),
    400: errorBody,
    404: errorBody,
  },
});

const reportingRow = z
  .object({
    department: z.string(),
    code: z.string(),
    name: z.string(),
    period: z.string().meta({ description: '统计期（月末）' }),
    due: z.string().meta({ description: '应报日期' }),
    state: z.enum(REPORT_STATES).meta({
      description:
        'reported 已报送；not_due 未到期；late 逾期未报（截止日已过，此后各期也未报送）；missing 缺报（截止日已过，但之后的统计期已报送）',
    }),
    reported_at: z.string().nullable().meta({ description: '首次报送时间' }),
  })
  .loose();

const reportingRoute = createRoute({
  method: 'get',
  path: '/reporting',
  summary: '报送情况（催报）',
  description:
    '截至 asof 月末，每个指标从年初起每个应报统计期的应报日期与报送状态（牵头单位报送全省数值；报送频率与截止日按管理员设置，默认每月、次月 10 日前，节点任务在完成时限所在月报送一次）。format=csv 或 xlsx 下载催报清单（逾期未报与缺报的指标，xlsx 另附应报明细）。',
  request: { query: viewQuery.extend({ format: formatQuery }) },
  responses: {
    200: tableResponse(
      '报送情况',
      z.object({ asof: z.string(), reference_date: z.string(), rows: z.array(reportingRow) }),
    ),
    400: errorBody,
    404: errorBody,
  },
});

const reviewBody = {
  description: '审核结果',
  content: {
    'application/json': {
      schema: z.object({
        upload: z.number(),
        decision: z.enum(['approved', 'rejected']),
        decided_at: z.string(),
        decided_by: z.string(),
        reason: z.string().nullable(),
      }),
    },
  },
};

const idParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, '应为上传批次的编号')
    .transform(Number),
});

const approveRoute = createRoute({
  method: 'post',
  path: '/uploads/{id}/approve',
  summary: '审核通过一批上传',
  description:
    '管理员审核通过填报员提交的一批数据（TAIZHANG_APPROVAL=required 时提交的）：其数值从此刻起计入。',
  request: { params: idParams },
  responses: { 200: reviewBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
});

const rejectRoute = createRoute({
  method: 'post',
  path: '/uploads/{id}/reject',
  summary: '驳回一批上传',
  description: '管理员驳回一批待审核的数据，须写明原因（填报员可以看到）：其数值永不计入，保留在历史中。',
  request: {
    params: idParams,
    body: {
      required: true,
      content: {
        'application/json': { schema: z.object({ reason: z.string().max(500, '不能超过 500 个字符') }) },
      },
    },
  },
  responses: {
    200: reviewBody,
    401: errorBody,
    403: errorBody,
    404: errorBody,
    409: errorBody,
    422: errorBody,
  },
});

const evidenceItem = z
  .object({
    id: z.number(),
    file_name: z.string(),
    file_type: z.string().meta({ description: '按文件内容判断：pdf、png、jpeg、gif、webp、docx、xlsx' }),
    bytes: z.number(),
    sha256: z.string(),
    period: z.string().nullable(),
    region: z.string().nullable(),
    note: z.string().nullable(),
    uploaded_by: z.string(),
    uploaded_at: z.string(),
    url: z.string().meta({ description: '下载地址' }),
  })
  .loose();

const codeParams = z.object({ code: z.string().max(40) });

const listEvidenceRoute = createRoute({
  method: 'get',
  path: '/indicators/{code}/evidence',
  summary: '一个指标的佐证材料',
  request: { params: codeParams },
  responses: {
    200: {
      description: '佐证材料列表（最新的在前）',
      content: {
        'application/json': { schema: z.object({ indicator: z.string(), evidence: z.array(evidenceItem) }) },
      },
    },
    404: errorBody,
  },
});

const addEvidenceRoute = createRoute({
  method: 'post',
  path: '/indicators/{code}/evidence',
  summary: '上传佐证材料',
  description:
    'multipart 表单：file（PDF、PNG、JPEG、GIF、WebP、.docx 或 .xlsx，按内容判断，不超过 TAIZHANG_EVIDENCE_LIMIT_MB），可选 note（说明）、period（YYYY-MM，所佐证的统计期）、region（地区，默认全省）。',
  request: {
    params: codeParams,
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: z.any().meta({ type: 'string', format: 'binary' }),
            note: z.string().optional(),
            period: z.string().optional(),
            region: z.string().optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: '已保存', content: { 'application/json': { schema: evidenceItem } } },
    401: errorBody,
    403: errorBody,
    404: errorBody,
    413: errorBody,
    422: errorBody,
  },
});

const evidenceJson = (row: EvidenceRow) => ({
  ...row,
  uploaded_at: row.uploaded_at.toISOString(),
  url: `/evidence/${row.id}`,
});

const field = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

export function accountabilityApi(app: OpenAPIHono, { store, config }: RouteDeps) {
  app.openapi(dubanRoute, async (c) => {
    const { format = 'json', ...query } = c.req.valid('query');
    const view = await requireResolvedView(store, query, pendingScopeOf(c));
    const list = await dubanList(store, view.tree, view.asOf, view.filter);
    const name = `${list.asof.slice(0, 7)}-督办清单${view.filter.department ? `-${view.filter.department}` : ''}`;
    if (format === 'csv') {
      attachment(c, 'text/csv; charset=utf-8', `${name}.csv`, 'duban');
      return c.body(rowsCsv(DUBAN_COLUMNS, list.rows) as unknown as ArrayBuffer, 200);
    }
    if (format === 'xlsx') {
      attachment(c, XLSX, `${name}.xlsx`, 'duban');
      return c.body((await dubanXlsx(list, STATUS_RULE)) as unknown as ArrayBuffer, 200);
    }
    return c.json({ asof: list.asof, document: list.document, rows: list.rows }, 200);
  });

  app.openapi(reportingRoute, async (c) => {
    const { format = 'json', ...query } = c.req.valid('query');
    const view = await requireResolvedView(store, query, pendingScopeOf(c));
    const reporting = await reportingView(store, view.tree, view.asOf, view.filter.department);
    const name = `${reporting.asof.slice(0, 7)}-催报清单${view.filter.department ? `-${view.filter.department}` : ''}`;
    if (format === 'csv') {
      attachment(c, 'text/csv; charset=utf-8', `${name}.csv`, 'reporting');
      return c.body(rowsCsv(OWED_COLUMNS, reporting.owed) as unknown as ArrayBuffer, 200);
    }
    if (format === 'xlsx') {
      attachment(c, XLSX, `${name}.xlsx`, 'reporting');
      const bytes = await owedXlsx(reporting.asof, reporting.owed, reporting.rows);
      return c.body(bytes as unknown as ArrayBuffer, 200);
    }
    return c.json(
      {
        asof: reporting.asof,
        reference_date: reporting.ref,
        rows: reporting.rows.map((r) => ({ ...r, reported_at: r.reported_at?.toISOString() ?? null })),
      },
      200,
    );
  });

  app.openapi(approveRoute, async (c) => {
    const row = await approveUpload(store, actorOf(c), c.req.valid('param').id);
    return c.json({ ...reviewJson(row) }, 200);
  });

  app.openapi(rejectRoute, async (c) => {
    const row = await rejectUpload(store, actorOf(c), c.req.valid('param').id, c.req.valid('json').reason);
    return c.json({ ...reviewJson(row) }, 200);
  });

  app.openapi(listEvidenceRoute, async (c) => {
    const indicator = await findIndicator(store, c.req.valid('param').code);
    const rows = await listEvidence(store, [indicator.code]);
    return c.json({ indicator: indicator.code, evidence: rows.map(evidenceJson) }, 200);
  });

  app.openapi(addEvidenceRoute, async (c) => {
    if (!(c.req.header('Content-Type') ?? '').startsWith('multipart/form-data')) {
      throw new InvalidError('请以 multipart/form-data 表单上传，文件放在 file 字段');
    }
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File) || file.size === 0)
      throw new InvalidError('表单中缺少 file 字段（佐证材料文件）');
    const period = field(form.period);
    if (period && !/^\d{4}-(0?[1-9]|1[0-2])$/.test(period)) {
      throw new InvalidError(`统计期“${period.slice(0, 20)}”无效，应写成 YYYY-MM，如 2021-10`);
    }
    const row = await addEvidence(store, config, actorOf(c), c.req.valid('param').code, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name,
      note: field(form.note)?.slice(0, 500),
      period,
      region: field(form.region)?.slice(0, 50),
    });
    return c.json(evidenceJson(row), 201);
  });
}

function reviewJson(row: {
  upload_id: number;
  decision: 'approved' | 'rejected';
  decided_at: Date;
  decided_by: string;
  reason: string | null;
}) {
  return {
    upload: row.upload_id,
    decision: row.decision,
    decided_at: row.decided_at.toISOString(),
    decided_by: row.decided_by,
    reason: row.reason,
  };
}
