import { Hono } from 'hono';
import { z } from 'zod';
import { departmentChart, statusChart, svgOnly } from '../../views/charts/figures.js';
import { DepartmentPage, DepartmentsPage } from '../../views/department.js';
import { NoDocumentPage, OverviewBody, OverviewPage } from '../../views/overview.js';
import { TaskPage } from '../../views/task.js';
import { departmentRollups, departmentView, taskStates } from '../analytics/dashboard.js';
import { cachedOverview } from '../analytics/overview.js';
import { findTask, resolveDepartment } from '../catalog/read.js';
import { NotFoundError } from '../errors.js';
import { svgResponse } from '../http/downloads.js';
import { render } from '../http/render.js';
import { valid } from '../http/validate.js';
import { requireView, withView } from '../http/view.js';
import type { RouteDeps } from './deps.js';

/** The pages people read: overview, task, department list and department. */
export function pageRoutes({ store, cache }: RouteDeps) {
  const app = new Hono();
  const view = withView(store);

  app.get('/', view, async (c) => {
    if (!c.get('view')) return c.html(<NoDocumentPage />);
    const current = requireView(c);
    const props = {
      ...current,
      data: await cachedOverview(store, cache, current),
      query: new URLSearchParams(new URL(c.req.url).search),
    };
    return render(
      c,
      () => <OverviewPage {...props} />,
      () => <OverviewBody {...props} />,
    );
  });

  /** The overview's charts as standalone SVG files: status over time, and departments. */
  app.get(
    '/charts/:name{(status|departments)\\.svg}',
    view,
    valid('param', z.object({ name: z.enum(['status.svg', 'departments.svg']) })),
    async (c) => {
      const { name } = c.req.valid('param');
      const data = await cachedOverview(store, cache, requireView(c));
      const svg = name === 'status.svg' ? statusChart(data) : departmentChart(data);
      if (!svg) throw new NotFoundError('所选月份之前还没有数据，没有可下载的图表');
      return svgResponse(c, svgOnly(svg), name);
    },
  );

  app.get(
    '/tasks/:seq',
    view,
    valid(
      'param',
      z.object({
        seq: z
          .string()
          .regex(/^[1-9]\d{0,4}$/, '应为正整数')
          .transform(Number),
      }),
    ),
    async (c) => {
      const current = requireView(c);
      const found = findTask(current.tree, c.req.valid('param').seq);
      const states = await taskStates(store, current.tree, current.asOf, found.task.seq);
      return c.html(<TaskPage {...current} {...found} asOf={current.asOf.period} states={states} />);
    },
  );

  app.get('/departments', view, async (c) => {
    const current = requireView(c);
    const rollups = await departmentRollups(store, current.tree, current.asOf);
    return c.html(
      <DepartmentsPage
        {...current}
        departments={current.tree.departments}
        rollups={rollups}
        asOf={current.asOf.period}
      />,
    );
  });

  app.get('/departments/:name', view, async (c) => {
    const current = requireView(c);
    const name = await resolveDepartment(store, c.req.param('name'));
    const department = await departmentView(store, current.tree, current.asOf, name);
    return c.html(<DepartmentPage {...current} name={name} asOf={current.asOf.period} {...department} />);
  });

  return app;
}
