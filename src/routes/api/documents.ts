import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { actorOf } from '../../auth/middleware.js';
import { catalogJson, publishDocument, replaceCatalog, uploadDocument } from '../../catalog/drafts.js';
import { InvalidError } from '../../errors.js';
import { text } from '../../http/validate.js';
import type { RouteDeps } from '../deps.js';
import { documentId } from '../documents.js';
import { errorBody } from './schemas.js';

const countsSchema = z.object({
  parts: z.number(),
  sections: z.number(),
  tasks: z.number(),
  indicators: z.number(),
  goals: z.number(),
  doubts: z.number(),
});

const doubtSchema = z.object({
  kind: z.enum(['department', 'number', 'numbering', 'year', 'previous']),
  seq: z.number().nullable(),
  message: z.string(),
  source: z.string(),
});

/** The catalogue JSON, as `npm run -s catalog` prints it (described loosely: the catalogue file's schema checks it). */
const catalogBody = z
  .object({
    document: z.object({ id: z.string(), title: z.string(), year: z.number() }),
    parts: z.array(z.unknown()),
    sections: z.array(z.unknown()),
    tasks: z.array(z.unknown()),
  })
  .loose();

const params = z.object({ id: documentId });

const uploadRoute = createRoute({
  method: 'post',
  path: '/documents',
  summary: '上传重点任务文件（成为草稿）',
  description:
    'multipart 表单的 file 字段：.docx、PDF（需有文字层）、.html 网页或 .txt 文本，格式按内容识别；也可是此前下载的目录 JSON。可选 id 指定文件编号（默认取自文件名）。同一编号再次上传时，未变化指标的编码保持不变。',
  request: {
    query: z.object({ id: text(80).pipe(documentId.optional()) }),
    body: {
      content: {
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
        },
      },
    },
  },
  responses: {
    200: {
      description: '草稿已建立：counts 为数量，doubts 为需要先复核之处',
      content: {
        'application/json': {
          schema: z.object({
            id: z.string(),
            state: z.literal('draft'),
            counts: countsSchema,
            doubts: z.array(doubtSchema),
          }),
        },
      },
    },
    401: errorBody,
    403: errorBody,
    413: errorBody,
    422: errorBody,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/documents/{id}',
  summary: '文件的目录 JSON（当前版本：草稿或已发布）',
  request: { params },
  responses: {
    200: { description: '目录 JSON，含 doubts', content: { 'application/json': { schema: catalogBody } } },
    401: errorBody,
    403: errorBody,
    404: errorBody,
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/documents/{id}',
  summary: '以修改后的目录 JSON 作为草稿',
  description:
    '请求体为完整的目录 JSON（GET 所得，修改后送回）；每处变化记入修改记录。发布另需 POST …/publish。',
  request: {
    params,
    body: { required: true, content: { 'application/json': { schema: catalogBody } } },
  },
  responses: {
    200: {
      description: '已保存为草稿；changes 为变化的字段数',
      content: {
        'application/json': {
          schema: z.object({ id: z.string(), state: z.literal('draft'), changes: z.number() }),
        },
      },
    },
    401: errorBody,
    403: errorBody,
    404: errorBody,
    413: errorBody,
    422: errorBody,
  },
});

const publishRoute = createRoute({
  method: 'post',
  path: '/documents/{id}/publish',
  summary: '发布草稿',
  description: '草稿成为在用版本：总览与接口默认显示最新发布的文件，其他版本以 doc=<编号> 查看。',
  request: { params },
  responses: {
    200: {
      description: '已发布',
      content: {
        'application/json': {
          schema: z.object({ id: z.string(), state: z.literal('published'), counts: countsSchema }),
        },
      },
    },
    401: errorBody,
    403: errorBody,
    404: errorBody,
    409: errorBody,
    422: errorBody,
  },
});

/** Documents for scripts: upload as a draft, read and replace its catalogue, publish. Administrators only. */
export function documentApi(app: OpenAPIHono, { store }: RouteDeps) {
  app.openapi(uploadRoute, async (c) => {
    const { id } = c.req.valid('query');
    const file = (c.req.header('Content-Type') ?? '').startsWith('multipart/form-data')
      ? (await c.req.parseBody()).file
      : undefined;
    if (!(file instanceof File) || file.size === 0)
      throw new InvalidError('请在 multipart 表单的 file 字段中上传文件。');
    const result = await uploadDocument(store, actorOf(c), {
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name,
      id,
    });
    return c.json(result, 200);
  });

  app.openapi(getRoute, async (c) => c.json(await catalogJson(store, c.req.valid('param').id), 200));

  app.openapi(putRoute, async (c) => {
    const { id } = c.req.valid('param');
    const edits = await replaceCatalog(store, actorOf(c), id, c.req.valid('json'));
    return c.json({ id, state: 'draft' as const, changes: edits.length }, 200);
  });

  app.openapi(publishRoute, async (c) => {
    const { id } = c.req.valid('param');
    const counts = await publishDocument(store, actorOf(c), id);
    return c.json({ id, state: 'published' as const, counts }, 200);
  });
}
