import { Hono } from 'hono';
import { z } from 'zod';
import { DubanPage } from '../../views/duban.js';
import { ReportingPage } from '../../views/reporting.js';
import { approveUpload, rejectUpload } from '../accountability/approval.js';
import { addComment } from '../accountability/comments.js';
import { dubanList } from '../accountability/duban.js';
import { addEvidence, evidenceFile } from '../accountability/evidence.js';
import { reportingPage } from '../accountability/pages.js';
import { FREQUENCIES, setReportingRule } from '../accountability/reporting.js';
import { actorOf } from '../auth/middleware.js';
import { InvalidError } from '../errors.js';
import { evidenceResponse } from '../http/downloads.js';
import { month, optional, positiveInt, text, valid } from '../http/validate.js';
import { requireView, withView } from '../http/view.js';
import type { RouteDeps } from './deps.js';

const idParam = z.object({ id: positiveInt('应为编号') });

const evidenceForm = z.object({
  file: z.instanceof(File).optional(),
  note: text(500),
  period: optional(month),
  region: text(50),
});

const commentForm = z.object({
  kind: z.enum(['instruction', 'explanation'], { error: '应为 批示 或 说明' }),
  body: z.string().max(2000, '不能超过 2000 个字符').default(''),
});

const ruleForm = z.object({
  code: text(40),
  department: text(60),
  frequency: z.enum(FREQUENCIES, { error: '应为 每月、每季度、每半年、每年 或 一次' }),
  due_day: z
    .string()
    .regex(/^\d{1,2}$/, '应为 1 到 28 之间的整数')
    .transform(Number),
  reason: text(200),
});

/** The accountability loop's pages and forms: 督办, the reporting calendar, evidence, comments, approval. */
export function accountabilityRoutes({ store, config }: RouteDeps) {
  const app = new Hono();
  const view = withView(store);

  app.get('/duban', view, async (c) => {
    const current = requireView(c);
    const list = await dubanList(store, current.tree, current.asOf, current.filter);
    return c.html(<DubanPage {...current} list={list} query={new URL(c.req.url).searchParams} />);
  });

  app.get('/reporting', view, async (c) => {
    const current = requireView(c);
    const page = await reportingPage(store, current.tree, current.asOf, current.filter.department);
    return c.html(<ReportingPage {...current} {...page} query={new URL(c.req.url).searchParams} />);
  });

  app.post('/reporting/rules', valid('form', ruleForm), async (c) => {
    const form = c.req.valid('form');
    await setReportingRule(store, actorOf(c), {
      code: form.code,
      department: form.department,
      frequency: form.frequency,
      dueDay: form.due_day,
      reason: form.reason,
    });
    return c.redirect('/reporting#rules', 303);
  });

  app.post('/indicators/:code/evidence', valid('form', evidenceForm), async (c) => {
    const { file, ...form } = c.req.valid('form');
    if (!file || file.size === 0) throw new InvalidError('请选择要上传的佐证材料（文件不能为空）。');
    const row = await addEvidence(store, config, actorOf(c), c.req.param('code'), {
      ...form,
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name,
    });
    return c.redirect(`/indicators/${encodeURIComponent(row.indicator_code)}#evidence`, 303);
  });

  app.get('/evidence/:id{[0-9]+}', valid('param', idParam), async (c) => {
    const { row, bytes, contentType } = await evidenceFile(store, config, c.req.valid('param').id);
    return evidenceResponse(c, bytes, contentType, row.file_name);
  });

  app.post('/indicators/:code/comments', valid('form', commentForm), async (c) => {
    const saved = await addComment(store, actorOf(c), c.req.param('code'), c.req.valid('form'));
    return c.redirect(`/indicators/${encodeURIComponent(saved.indicator_code)}#comments`, 303);
  });

  app.post('/uploads/:id/approve', valid('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    await approveUpload(store, actorOf(c), id);
    return c.redirect(`/uploads/${id}`, 303);
  });

  app.post(
    '/uploads/:id/reject',
    valid('param', idParam),
    valid('form', z.object({ reason: z.string().max(500, '不能超过 500 个字符').default('') })),
    async (c) => {
      const { id } = c.req.valid('param');
      await rejectUpload(store, actorOf(c), id, c.req.valid('form').reason);
      return c.redirect(`/uploads/${id}`, 303);
    },
  );

  return app;
}
