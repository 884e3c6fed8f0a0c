import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type IndicatorInfo, IndicatorPage } from '../../views/indicator.js';
import { UploadPreview } from '../../views/uploads.js';
import { analyse, svgOnly } from '../analytics/indicator-page.js';
import { actorOf } from '../auth/middleware.js';
import { listCorrections } from '../catalog/corrections.js';
import { findTask, readDocumentTree } from '../catalog/read.js';
import { importedBy, importFile } from '../ingest/import.js';
import type { PendingUploads } from '../ingest/pending.js';
import { singleValueCsv } from '../ingest/single-value.js';
import { indicatorHistory, latestByRegion } from '../ingest/uploads.js';
import type { Store } from '../store/store.js';
import { parseAsOf } from './as-of.js';
import { render } from './render.js';

/** The page lists the newest values; the whole history is one click away as JSON. */
const HISTORY_ON_PAGE = 200;

/** The indicator page and its single-value form. */
export function indicatorRoutes({ store, pending }: { store: Store; pending: PendingUploads }) {
  const app = new Hono();

  const pageProps = async (code: string, asof?: string, known?: string) => {
    const indicator = await store.one<IndicatorInfo & { document_id: string; task_seq: number }>(
      'catalog/indicator_by_code',
      { code },
    );
    if (!indicator) throw new HTTPException(404, { message: `指标编码不存在：${code}` });
    const documents = await store.all<import('../catalog/read.js').DocumentRow>('catalog/documents');
    const document = documents.find((d) => d.id === indicator.document_id);
    if (!document) throw new HTTPException(404, { message: `指标 ${code} 所属的文件已不存在` });
    const tree = await readDocumentTree(store, document);
    const { task } = findTask(tree, indicator.task_seq);
    const asOf = await parseAsOf(store, document, asof, known);
    const latest = await latestByRegion(store, code);
    return {
      analysis: await analyse(store, tree, asOf, indicator, latest),
      document,
      documents,
      indicator,
      task,
      latest: latest.filter((l) => l.level !== 'county'),
      counties: latest.filter((l) => l.level === 'county').length,
      history: (await indicatorHistory(store, code)).slice(-HISTORY_ON_PAGE),
      regions: await store.all<{ name: string; level: string }>('reference/regions'),
      docQuery: documents[0]?.id === document.id ? '' : `?doc=${encodeURIComponent(document.id)}`,
      corrections: await listCorrections(store, code),
    };
  };

  app.get('/indicators/:code', async (c) =>
    c.html(
      <IndicatorPage
        {...(await pageProps(c.req.param('code'), c.req.query('asof'), c.req.query('known')))}
      />,
    ),
  );

  app.get('/indicators/:code/chart.svg', async (c) => {
    const { analysis } = await pageProps(c.req.param('code'), c.req.query('asof'), c.req.query('known'));
    c.header('Content-Type', 'image/svg+xml; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${encodeURIComponent(c.req.param('code'))}.svg"`);
    return c.body(svgOnly(analysis.chart));
  });

  app.post('/indicators/:code/values', async (c) => {
    const props = await pageProps(c.req.param('code'));
    const body = await c.req.parseBody();
    const field = (name: string, max: number) =>
      String(body[name] ?? '')
        .trim()
        .slice(0, max);
    const entry = {
      code: props.indicator.code,
      period: field('period', 20),
      value: field('value', 30),
      region: field('region', 50) || '全省',
      note: field('note', 500),
      milestone: props.indicator.kind === 'milestone',
    };
    if (entry.value === '' || entry.period === '') {
      throw new HTTPException(422, { message: '请填写统计期和数值。' });
    }
    const fileName = `页面填报 ${entry.code} ${entry.period}`;
    const actor = actorOf(c);
    const token = await pending.save(new TextEncoder().encode(singleValueCsv(entry)), {
      fileName,
      options: {},
      owner: actor.username,
      action: 'value',
    });
    const saved = pending.find(token);
    if (!saved) throw new Error('pending entry vanished');
    const report = await importFile(store, saved.file, {
      fileName,
      dryRun: true,
      ...importedBy(actor, 'value'),
    });
    const committable = report.counts.errors === 0 && report.counts.new + report.counts.revised > 0;
    if (!committable) pending.remove(token);
    const preview = (
      <UploadPreview
        report={report}
        token={committable ? token : undefined}
        target="#entry-result"
        returnTo={`/indicators/${encodeURIComponent(entry.code)}`}
      />
    );
    return render(
      c,
      () => <IndicatorPage {...props} result={preview} />,
      () => preview,
    );
  });

  return app;
}
