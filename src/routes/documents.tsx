import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  DocumentsPage,
  Doubts,
  EditHistory,
  EditionLinkHistory,
  EditionLinkRow,
  ReviewGoal,
  ReviewPage,
  ReviewTask,
} from '../../views/documents.js';
import { actorOf } from '../auth/middleware.js';
import {
  addIndicator,
  catalogJson,
  departmentList,
  editIndicator,
  editTask,
  isCalendarDate,
  listDocumentStates,
  type Place,
  publishDocument,
  removeIndicator,
  reviewDocument,
  uploadDocument,
} from '../catalog/drafts.js';
import { decideEditionLink, editionLinkReview } from '../catalog/edition-links.js';
import { parseChineseNumber } from '../catalog/numbers.js';
import { InvalidError } from '../errors.js';
import { positiveInt, text, valid } from '../http/validate.js';
import type { RouteDeps } from './deps.js';

/** A document's id as the catalogue writes it (jilin-2021-new-urbanization-key-tasks). */
export const documentId = z
  .string()
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/, '文件编号只能含小写字母、数字和连字符');

const idParam = z.object({ id: documentId });
const taskParam = idParam.extend({ seq: positiveInt('应为任务编号') });
const codeParam = idParam.extend({
  code: z
    .string()
    .max(40)
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, '应为指标编码'),
});

/** A target's value as typed: 36000, 3.6万, 1,623, -3 (a falling growth rate); '' is none. */
const targetValue = z
  .string()
  .trim()
  .max(30)
  .transform((raw, ctx) => {
    if (raw === '') return null;
    const negative = /^[-−]/.test(raw);
    const value = parseChineseNumber(raw.replace(/^[-−+]/, ''));
    if (Number.isNaN(value)) {
      ctx.addIssue({ code: 'custom', message: '应为数字，如 36000、3.6万 或 12.5' });
      return z.NEVER;
    }
    return negative ? -value : value;
  });

/** One target's fields, as the review page's form posts them. */
export const indicatorForm = z.object({
  name: z.string().trim().min(1, '请填写名称').max(80, '不能超过 80 个字符'),
  value: targetValue,
  unit: text(10).transform((u) => u ?? null),
  comparator: z.enum(['>=', '<=', '=', '~'], { error: '应为 ≥、≤、= 或 ≈' }),
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '应写成 YYYY-MM-DD')
    .refine(isCalendarDate, '不是有效的日期'),
  kind: z.enum(['count', 'level', 'coverage', 'growth', 'milestone'], { error: '类型无效' }),
  recurrence: z
    .enum(['annual'])
    .optional()
    .transform((r) => r ?? null),
  source: z.string().trim().max(400).default(''),
});

const taskForm = z.object({
  departments: z.string().max(2000).transform(departmentList),
  mode: z.enum(['sole', 'separate', 'lead'], { error: '分工方式无效' }),
  lead: text(60).transform((l) => l ?? null),
});

/** 历年对应: confirm the link in `previous` (or choose another), or say there is none. */
const linkForm = z.object({
  choice: z.enum(['link', 'none'], { error: '请选择“确认对应”或“无上年对应指标”' }),
  previous: text(40).pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, '应为指标编码，如 2021-T10-2')
      .optional(),
  ),
});

const uploadForm = z.object({
  file: z.instanceof(File, { error: '请选择要上传的文件' }),
  id: text(80).pipe(documentId.optional()),
});

/** Answers an edit: the task (or goal) again for htmx, with the doubts and history out of band; else back to it. */
async function answerItem(c: Context, store: RouteDeps['store'], id: string, place: Place) {
  const anchor = `${place.kind}-${place.no}`;
  if (c.req.header('HX-Request') !== 'true') return c.redirect(`/documents/${id}#${anchor}`, 303);
  const review = await reviewDocument(store, id);
  const task = place.kind === 'task' ? review.catalog.tasks.find((t) => t.seq === place.no) : undefined;
  const goal = place.kind === 'goal' ? review.catalog.goals?.find((g) => g.no === place.no) : undefined;
  return c.html(
    <>
      {task && <ReviewTask documentId={id} task={task} />}
      {goal && <ReviewGoal documentId={id} goal={goal} />}
      <Doubts doubts={review.doubts} oob={true} />
      <EditHistory edits={review.edits} oob={true} />
    </>,
  );
}

/** After an upload or publication: the review page (htmx follows HX-Redirect). */
function goTo(c: Context, url: string) {
  if (c.req.header('HX-Request') !== 'true') return c.redirect(url, 303);
  c.header('HX-Redirect', url);
  return c.body(null, 204);
}

/**
 * Administrators: upload a document as a draft, review it (departments, targets), publish it, and
 * download its catalogue JSON (which can be uploaded back).
 */
export function documentRoutes({ store, config }: RouteDeps) {
  const app = new Hono();
  const limitMb = Math.round(config.uploadLimitBytes / 1024 / 1024);

  app.get('/documents', async (c) =>
    c.html(<DocumentsPage documents={await listDocumentStates(store)} limitMb={limitMb} />),
  );

  app.post('/documents', valid('form', uploadForm), async (c) => {
    const { file, id } = c.req.valid('form');
    if (file.size === 0) throw new InvalidError('请选择要上传的文件（文件不能为空）。');
    const result = await uploadDocument(store, actorOf(c), {
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name,
      id,
    });
    return goTo(c, `/documents/${result.id}`);
  });

  app.get('/documents/:id', valid('param', idParam), async (c) =>
    c.html(<ReviewPage review={await reviewDocument(store, c.req.valid('param').id)} />),
  );

  app.get('/documents/:id/catalog.json', valid('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    const body = `${JSON.stringify(await catalogJson(store, id), null, 2)}\n`;
    c.header('Content-Disposition', `attachment; filename="${id}.catalog.json"`);
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(body);
  });

  app.post('/documents/:id/tasks/:seq', valid('param', taskParam), valid('form', taskForm), async (c) => {
    const { id, seq } = c.req.valid('param');
    const { departments, mode, lead } = c.req.valid('form');
    await editTask(store, actorOf(c), id, seq, { departments, departmentMode: mode, lead });
    return answerItem(c, store, id, { kind: 'task', no: seq });
  });

  app.post(
    '/documents/:id/tasks/:seq/indicators',
    valid('param', taskParam),
    valid('form', indicatorForm),
    async (c) => {
      const { id, seq } = c.req.valid('param');
      await addIndicator(store, actorOf(c), id, seq, c.req.valid('form'));
      return answerItem(c, store, id, { kind: 'task', no: seq });
    },
  );

  app.post(
    '/documents/:id/indicators/:code',
    valid('param', codeParam),
    valid('form', indicatorForm),
    async (c) => {
      const { id, code } = c.req.valid('param');
      return answerItem(c, store, id, await editIndicator(store, actorOf(c), id, code, c.req.valid('form')));
    },
  );

  app.post('/documents/:id/indicators/:code/remove', valid('param', codeParam), async (c) => {
    const { id, code } = c.req.valid('param');
    return answerItem(c, store, id, await removeIndicator(store, actorOf(c), id, code));
  });

  app.post('/documents/:id/editions/:code', valid('param', codeParam), valid('form', linkForm), async (c) => {
    const { id, code } = c.req.valid('param');
    const { choice, previous } = c.req.valid('form');
    if (choice === 'link' && !previous)
      throw new InvalidError('请填写上年对应指标的编码，或选择“无上年对应指标”。');
    await decideEditionLink(store, actorOf(c), id, code, choice === 'none' ? null : (previous ?? null));
    if (c.req.header('HX-Request') !== 'true') return c.redirect(`/documents/${id}#link-${code}`, 303);
    const review = await editionLinkReview(store, id);
    const link = review?.links.find((l) => l.code === code);
    return c.html(
      <>
        {review && link && <EditionLinkRow documentId={id} link={link} options={review.options} />}
        {review && <EditionLinkHistory history={review.history} oob={true} />}
      </>,
    );
  });

  app.post('/documents/:id/publish', valid('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    await publishDocument(store, actorOf(c), id);
    return goTo(c, `/documents/${id}`);
  });

  return app;
}
