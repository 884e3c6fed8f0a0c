import { Hono } from 'hono';
import { z } from 'zod';
import { indicatorChart, svgOnly } from '../../views/charts/figures.js';
import { EntryOutcome, IndicatorPage } from '../../views/indicator.js';
import { indicatorPage } from '../accountability/pages.js';
import { indicatorPageData } from '../analytics/indicator-page.js';
import { importerOf } from '../auth/middleware.js';
import { findIndicator } from '../catalog/read.js';
import { svgResponse } from '../http/downloads.js';
import { render } from '../http/render.js';
import { month, optional, text, valid } from '../http/validate.js';
import { pendingScopeOf } from '../http/view.js';
import { singleValueCsv } from '../ingest/single-value.js';
import { submitValue } from '../ingest/submit.js';
import type { RouteDeps } from './deps.js';

const asOfQuery = z.object({
  asof: optional(month),
  known: text(40),
  pending: optional(z.enum(['1', '0'], { error: '应为 1 或 0' })).transform((v) => v === '1'),
});

const valueForm = z.object({
  period: z.string().trim().min(1, '请填写统计期').max(20, '不能超过 20 个字符'),
  value: z.string().trim().min(1, '请填写数值').max(30, '不能超过 30 个字符'),
  region: optional(z.string().trim().max(50, '不能超过 50 个字符')),
  note: optional(z.string().trim().max(500, '不能超过 500 个字符')),
});

/** The indicator page and its single-value form. */
export function indicatorRoutes({ store, pending, config }: RouteDeps) {
  const app = new Hono();

  app.get('/indicators/:code', valid('query', asOfQuery), async (c) =>
    c.html(
      <IndicatorPage
        {...(await indicatorPage(store, c.req.param('code'), {
          ...c.req.valid('query'),
          pendingScope: pendingScopeOf(c),
        }))}
        approval={config.approval}
      />,
    ),
  );

  app.get('/indicators/:code/chart.svg', valid('query', asOfQuery), async (c) => {
    const code = c.req.param('code');
    const { analysis, indicator } = await indicatorPageData(store, code, {
      ...c.req.valid('query'),
      pendingScope: pendingScopeOf(c),
    });
    return svgResponse(c, svgOnly(indicatorChart(analysis, indicator)), `${code}.svg`);
  });

  /** One value through the same checks as a file (written as a one-row CSV), saved when it passes. */
  app.post('/indicators/:code/values', valid('form', valueForm), async (c) => {
    const form = c.req.valid('form');
    const { code, kind } = await findIndicator(store, c.req.param('code'));
    const entry = {
      code,
      ...form,
      region: form.region ?? '全省',
      note: form.note ?? '',
      milestone: kind === 'milestone',
    };
    const report = await submitValue(
      store,
      pending,
      {
        body: new TextEncoder().encode(singleValueCsv(entry)),
        fileName: `页面填报 ${code} ${entry.period}`,
        options: {},
      },
      importerOf(c, config),
    );
    const outcome = <EntryOutcome report={report} href={`/indicators/${encodeURIComponent(code)}`} />;
    return render(
      c,
      async () => <IndicatorPage {...(await indicatorPage(store, code, {}))} result={outcome} />,
      () => outcome,
      report.counts.errors > 0 ? 422 : 200,
    );
  });

  return app;
}
