import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { importerOf } from '../../auth/middleware.js';
import { InvalidError } from '../../errors.js';
import { optional, text } from '../../http/validate.js';
import { importSubmission } from '../../ingest/submit.js';
import type { RouteDeps } from '../deps.js';
import { uploadOptions } from '../uploads.js';
import { errorBody, importReport } from './schemas.js';

const flag = optional(z.enum(['1', 'true', '0', 'false'], { error: '应为 1 或 0' }));

/** What a script may send as the body: the file itself, a CSV or a workbook (read by its content). */
const FILE_TYPES = [
  'text/csv',
  'text/plain',
  'application/csv',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

const uploadRoute = createRoute({
  method: 'post',
  path: '/uploads',
  summary: '上传实际完成值',
  description:
    '请求体为文件本身（CSV 或 .xlsx；Content-Type 如 text/csv、application/octet-stream，格式按内容识别），或 multipart 表单的 file 字段。检查与网页上传相同；dry_run=1 只检查不写入。200：已提交、预检、无变化或重复文件；422：文件被拒绝（problems 列出每个问题的行、列与中文说明）。',
  request: {
    query: uploadOptions.extend({ dry_run: flag, file_name: text(200) }),
    // Described, not checked here: the file is read and checked by the import itself (no body
    // validator, so the body stays a stream and any Content-Type is taken, the format from the bytes).
    body: {
      content: {
        ...Object.fromEntries(
          FILE_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
        ),
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
        },
      },
    },
  },
  responses: {
    200: { description: '导入报告', content: { 'application/json': { schema: importReport } } },
    401: errorBody,
    403: errorBody,
    413: errorBody,
    422: {
      description: '文件被拒绝：导入报告，或请求本身有误',
      content: { 'application/json': { schema: importReport } },
    },
  },
});

export function uploadApi(app: OpenAPIHono, { store, pending, config }: RouteDeps) {
  app.openapi(uploadRoute, async (c) => {
    const { dry_run, file_name, ...options } = c.req.valid('query');
    let body: Uint8Array | ReadableStream<Uint8Array>;
    let fileName = file_name ?? 'upload.csv';
    if ((c.req.header('Content-Type') ?? '').startsWith('multipart/form-data')) {
      const file = (await c.req.parseBody()).file;
      if (!(file instanceof File)) throw new InvalidError('表单中缺少 file 字段');
      fileName = file_name ?? file.name;
      body = new Uint8Array(await file.arrayBuffer());
    } else {
      if (!c.req.raw.body) throw new InvalidError('请求体为空：请把 CSV 文件作为请求体发送');
      body = c.req.raw.body;
    }
    const report = await importSubmission(
      store,
      pending,
      { body, fileName, options, action: 'upload' },
      importerOf(c, config),
      { dryRun: dry_run === '1' || dry_run === 'true' },
    );
    return c.json(report, report.status === 'rejected' || report.counts.errors > 0 ? 422 : 200);
  });
}
