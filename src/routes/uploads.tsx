import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  progressText,
  UploadDetailPage,
  UploadOutcome,
  UploadPreview,
  UploadsPage,
} from '../../views/uploads.js';
import { listReviews, uploadReview } from '../accountability/approval.js';
import { actorOf, importerOf } from '../auth/middleware.js';
import { reportingScope } from '../auth/roles.js';
import { listRegions } from '../catalog/regions.js';
import { InvalidError } from '../errors.js';
import { csvResponse } from '../http/downloads.js';
import { render } from '../http/render.js';
import { positiveInt, text, valid } from '../http/validate.js';
import { requireDocument, withView } from '../http/view.js';
import { PROBLEM_LIMIT } from '../ingest/import.js';
import { problemsCsv } from '../ingest/problems.js';
import {
  cancelSubmission,
  commitSubmission,
  previewSubmission,
  submissionProgress,
} from '../ingest/submit.js';
import { type TemplateLayout, templateFor } from '../ingest/template.js';
import { getUpload, listUploads, uploadProblems, uploadValues, withdrawUpload } from '../ingest/uploads.js';
import type { RouteDeps } from './deps.js';

/** The choices that come with an upload, from the form or the API's query. */
export const uploadOptions = z.object({
  region: text(50),
  series: text(10).pipe(
    z
      .enum(['actual', 'plan', 'target'], {
        error: '应为 actual（实际完成）、plan（分月计划）或 target（分解到各地区的目标）',
      })
      .optional(),
  ),
  basis: text(12).pipe(
    z.enum(['cumulative', 'increment'], { error: '应为 cumulative（累计）或 increment（当月）' }).optional(),
  ),
});

/** The key the page made up to follow the check of its upload (views/static/app.js). */
const progressKey = z.string().regex(/^[A-Za-z0-9]{16,64}$/, '应为 16–64 位字母或数字');
const uploadForm = uploadOptions.extend({
  file: z.instanceof(File, { error: '请选择要上传的文件' }),
  progress: progressKey.optional(),
});
const tokenForm = z.object({ token: z.string().max(64), return_to: text(200) });
/** Withdrawing a batch is confirmed and says why (shown on the batch's page). */
const withdrawForm = z.object({
  reason: z.string().trim().min(2, '请填写撤回原因（至少 2 个字）').max(200, '不能超过 200 个字符'),
  confirm: z.literal('1', { error: '请勾选确认撤回' }),
});
const idParam = z.object({ id: positiveInt('应为上传批次的编号') });

const TEMPLATE_LAYOUTS = {
  'actuals.csv': 'long',
  'actuals-wide.csv': 'wide',
  'targets.csv': 'targets',
} as const satisfies Record<string, TemplateLayout>;

/** The upload pages: history, upload and preview, commit or cancel, one upload, templates. */
export function uploadRoutes({ store, config, pending }: RouteDeps) {
  const app = new Hono();
  const limitMb = Math.round(config.uploadLimitBytes / 1024 / 1024);

  const pageProps = async (c: Context) => {
    const view = c.get('view');
    return {
      document: view?.document,
      documents: view?.documents ?? [],
      uploads: await listUploads(store),
      reviews: await listReviews(store),
      regions: await listRegions(store),
      limitMb,
    };
  };

  app.get('/uploads', withView(store, { month: false }), async (c) =>
    c.html(<UploadsPage {...(await pageProps(c))} />),
  );

  app.post('/uploads', withView(store, { month: false }), valid('form', uploadForm), async (c) => {
    const { file, progress, ...options } = c.req.valid('form');
    if (file.size === 0) throw new InvalidError('请选择要上传的 CSV 文件（文件不能为空）。');
    const { report, token } = await previewSubmission(
      store,
      pending,
      {
        body: new Uint8Array(await file.arrayBuffer()),
        fileName: file.name,
        options,
        action: 'upload',
        progress,
      },
      importerOf(c, config),
    );
    const preview = <UploadPreview report={report} token={token} />;
    return render(
      c,
      async () => <UploadsPage {...(await pageProps(c))} result={preview} />,
      () => preview,
    );
  });

  // Polled by the page while the server checks its file: the place in the queue, then the stage.
  app.get('/uploads/progress/:key', valid('param', z.object({ key: progressKey })), (c) => {
    const progress = submissionProgress(store, c.req.valid('param').key);
    c.header('Cache-Control', 'no-store');
    return c.json({
      ...(progress ?? { stage: 'unknown', percent: 0, ahead: 0 }),
      text: progressText(progress),
    });
  });

  app.post('/uploads/commit', valid('form', tokenForm), async (c) => {
    const { token, return_to } = c.req.valid('form');
    // Only an indicator page of this app may be returned to, never another site.
    const returnTo = return_to && /^\/indicators\/[^/]+$/.test(return_to) ? return_to : undefined;
    const report = await commitSubmission(store, pending, token, importerOf(c, config));
    const htmx = c.req.header('HX-Request') === 'true';
    if (report.status === 'committed' && returnTo) {
      if (!htmx) return c.redirect(returnTo, 303);
      c.header('HX-Redirect', returnTo);
      return c.body('');
    }
    if (!htmx) return c.redirect(`/uploads/${report.uploadId ?? ''}`, 303);
    if (report.status !== 'committed') return c.html(<UploadPreview report={report} />, 422);
    return c.html(
      <UploadOutcome report={report} uploads={await listUploads(store)} reviews={await listReviews(store)} />,
    );
  });

  app.post('/uploads/cancel', valid('form', tokenForm), async (c) => {
    cancelSubmission(pending, c.req.valid('form').token, importerOf(c, config));
    if (c.req.header('HX-Request') !== 'true') return c.redirect('/uploads', 303);
    return c.html(<UploadOutcome uploads={await listUploads(store)} reviews={await listReviews(store)} />);
  });

  app.get('/uploads/:id', valid('param', idParam), withView(store, { month: false }), async (c) => {
    const { id } = c.req.valid('param');
    return c.html(
      <UploadDetailPage
        upload={await getUpload(store, id)}
        review={await uploadReview(store, id)}
        problems={await uploadProblems(store, id, PROBLEM_LIMIT)}
        values={await uploadValues(store, id)}
        documents={c.get('view')?.documents ?? []}
      />,
    );
  });

  app.get('/uploads/:id/problems.csv', valid('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    await getUpload(store, id);
    return csvResponse(c, problemsCsv(await uploadProblems(store, id)), `第${id}批-错误报告.csv`);
  });

  app.post('/uploads/:id/withdraw', valid('param', idParam), valid('form', withdrawForm), async (c) => {
    const { id } = c.req.valid('param');
    const importer = importerOf(c, config);
    await withdrawUpload(store, id, actorOf(c), c.req.valid('form').reason, importer.scope);
    return c.redirect(`/uploads/${id}`, 303);
  });

  app.get(
    '/templates/:name{(actuals(-wide)?|targets)\\.csv}',
    withView(store, { month: false }),
    valid('param', z.object({ name: z.enum(['actuals.csv', 'actuals-wide.csv', 'targets.csv']) })),
    async (c) => {
      const view = requireDocument(c);
      const layout = TEMPLATE_LAYOUTS[c.req.valid('param').name];
      // The department asked for, else a reporter's own: a clerk's template lists what they report.
      const actor = c.get('actor');
      const departments = view.filter.department
        ? [view.filter.department]
        : actor
          ? reportingScope(actor)
          : null;
      const { csv, fileName } = await templateFor(store, view.document, departments, layout);
      return csvResponse(c, csv, fileName);
    },
  );

  return app;
}
