import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { UploadDetailPage, UploadOutcome, UploadPreview, UploadsPage } from '../../views/uploads.js';
import { actorOf } from '../auth/middleware.js';
import type { IndicatorRow } from '../catalog/read.js';
import { resolveDepartment } from '../catalog/read.js';
import type { Config } from '../config.js';
import { toCsv } from '../export/csv.js';
import { importedBy, importFile } from '../ingest/import.js';
import { OptionError, parseUploadOptions } from '../ingest/options.js';
import type { PendingUploads } from '../ingest/pending.js';
import { longTemplate, wideTemplate } from '../ingest/template.js';
import {
  getUpload,
  listUploads,
  UploadNotFound,
  uploadProblems,
  uploadValues,
  withdrawUpload,
} from '../ingest/uploads.js';
import type { Store } from '../store/store.js';
import { documentFor } from './context.js';
import { render } from './render.js';

export interface UploadDeps {
  store: Store;
  config: Config;
  pending: PendingUploads;
}

/** Rejects a body over the configured size with a message a clerk understands (413). */
export function uploadLimit(config: Config) {
  const mb = Math.round(config.uploadLimitBytes / 1024 / 1024);
  return bodyLimit({
    maxSize: config.uploadLimitBytes,
    onError: () => {
      throw new HTTPException(413, { message: `文件超过 ${mb} MB 的上限，请拆分后分批上传。` });
    },
  });
}

/** The upload pages: history, upload and preview, commit or cancel, one upload, templates. */
export function uploadRoutes({ store, config, pending }: UploadDeps) {
  const app = new Hono();
  const limitMb = Math.round(config.uploadLimitBytes / 1024 / 1024);

  const pageProps = async (c: Context) => {
    const ctx = await documentFor(c, store);
    const regions = await store.all<{ name: string; level: string }>('reference/regions');
    return {
      document: ctx?.document,
      documents: ctx?.documents ?? [],
      uploads: await listUploads(store),
      regions,
      limitMb,
    };
  };

  app.get('/uploads', async (c) => c.html(<UploadsPage {...(await pageProps(c))} />));

  app.post('/uploads', uploadLimit(config), async (c) => {
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) {
      throw new HTTPException(422, { message: '请选择要上传的 CSV 文件（文件不能为空）。' });
    }
    const options = readOptions(body);
    const actor = actorOf(c);
    const token = await pending.save(new Uint8Array(await file.arrayBuffer()), {
      fileName: file.name,
      options,
      owner: actor.username,
      action: 'upload',
    });
    const saved = pending.find(token);
    if (!saved) throw new Error('pending upload vanished');
    const report = await importFile(store, saved.file, {
      ...options,
      fileName: file.name,
      dryRun: true,
      recordRejection: true,
      ...importedBy(actor, 'upload'),
    });
    const committable = report.counts.errors === 0 && report.counts.new + report.counts.revised > 0;
    if (!committable) pending.remove(token);
    const preview = <UploadPreview report={report} token={committable ? token : undefined} />;
    return render(
      c,
      async () => <UploadsPage {...(await pageProps(c))} result={preview} />,
      () => preview,
    );
  });

  app.post('/uploads/commit', async (c) => {
    const body = await c.req.parseBody();
    const token = String(body.token ?? '');
    // Only a page of this app may be returned to, never another site.
    const returnTo = /^\/indicators\/[^/]+$/.test(String(body.return_to ?? ''))
      ? String(body.return_to)
      : undefined;
    const actor = actorOf(c);
    const saved = pending.find(token);
    if (!saved || saved.owner !== actor.username)
      throw new HTTPException(410, { message: '这份文件已提交、已取消或已过期，请重新上传。' });
    // Checked again as it is committed: the account's scope may have changed since the preview.
    const report = await importFile(store, saved.file, {
      ...saved.options,
      fileName: saved.fileName,
      ...importedBy(actor, saved.action ?? 'upload'),
    });
    if (report.uploadId !== null) pending.archive(token, report.uploadId);
    else pending.remove(token);
    if (report.status === 'committed' && returnTo) {
      if (c.req.header('HX-Request') !== 'true') return c.redirect(returnTo, 303);
      c.header('HX-Redirect', returnTo);
      return c.body('');
    }
    if (c.req.header('HX-Request') !== 'true') return c.redirect(`/uploads/${report.uploadId ?? ''}`, 303);
    if (report.status !== 'committed') return c.html(<UploadPreview report={report} />, 422);
    return c.html(<UploadOutcome report={report} uploads={await listUploads(store)} />);
  });

  app.post('/uploads/cancel', async (c) => {
    const token = String((await c.req.parseBody()).token ?? '');
    if (pending.find(token)?.owner === actorOf(c).username) pending.remove(token);
    if (c.req.header('HX-Request') !== 'true') return c.redirect('/uploads', 303);
    return c.html(<UploadOutcome uploads={await listUploads(store)} />);
  });

  app.get('/uploads/:id', async (c) => {
    const id = parseId(c.req.param('id'));
    const upload = await findUpload(store, id);
    const ctx = await documentFor(c, store);
    return c.html(
      <UploadDetailPage
        upload={upload}
        problems={await uploadProblems(store, id)}
        values={await uploadValues(store, id)}
        documents={ctx?.documents ?? []}
      />,
    );
  });

  app.get('/uploads/:id/problems.csv', async (c) => {
    const id = parseId(c.req.param('id'));
    await findUpload(store, id);
    const problems = await uploadProblems(store, id);
    const csv = toCsv(
      ['行', '列', '类别', '问题代码', '说明', '原值'],
      problems.map((p) => [
        p.line,
        p.column,
        p.severity === 'error' ? '错误' : '提醒',
        p.code,
        p.message,
        p.found,
      ]),
    );
    return csvResponse(c, csv, `第${id}批-错误报告.csv`);
  });

  app.post('/uploads/:id/withdraw', async (c) => {
    const id = parseId(c.req.param('id'));
    await findUpload(store, id);
    const reason =
      String((await c.req.parseBody()).reason ?? '')
        .trim()
        .slice(0, 200) || null;
    const done = await withdrawUpload(store, id, actorOf(c), reason);
    if (!done)
      throw new HTTPException(409, {
        message: `第 ${id} 批不是已提交状态（可能已撤回或未通过检查），无法撤回。`,
      });
    return c.redirect(`/uploads/${id}`, 303);
  });

  app.get('/templates/:name{actuals(-wide)?\\.csv}', async (c) => {
    const ctx = await documentFor(c, store);
    if (!ctx) throw new HTTPException(404, { message: '尚未载入重点任务文件，没有可填报的指标。' });
    const departmentQuery = c.req.query('department');
    const department = departmentQuery ? await resolveDepartment(store, departmentQuery) : null;
    const indicators = await store.all<IndicatorRow>('reference/indicators_for_template', {
      document: ctx.document.id,
      department,
    });
    const wide = c.req.param('name') === 'actuals-wide.csv';
    const csv = wide ? wideTemplate(indicators) : longTemplate(indicators, `${ctx.document.year}-01`);
    const name = `${ctx.document.year}年${department ?? ''}填报模板${wide ? '（按月分列）' : ''}.csv`;
    return csvResponse(c, csv, name);
  });

  return app;
}

function readOptions(input: Record<string, unknown>) {
  try {
    return parseUploadOptions(input);
  } catch (error) {
    if (error instanceof OptionError) throw new HTTPException(422, { message: error.message });
    throw error;
  }
}

function parseId(raw: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new HTTPException(404, { message: `没有第 ${raw} 批上传` });
  return id;
}

async function findUpload(store: Store, id: number) {
  try {
    return await getUpload(store, id);
  } catch (error) {
    if (error instanceof UploadNotFound) throw new HTTPException(404, { message: error.message });
    throw error;
  }
}

/** A CSV download whose Chinese file name survives every browser (RFC 6266 filename*). */
export function csvResponse(c: Context, csv: string, fileName: string) {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header(
    'Content-Disposition',
    `attachment; filename="download.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  return c.body(csv);
}

export { readOptions };
