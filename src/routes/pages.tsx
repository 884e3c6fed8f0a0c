import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DepartmentPage, DepartmentsPage } from '../../views/department.js';
import { NoDocumentPage, OverviewBody, OverviewPage } from '../../views/overview.js';
import { TaskPage } from '../../views/task.js';
import type { VersionCache } from '../analytics/cache.js';
import { indicatorRows, rollup } from '../analytics/dashboard.js';
import { svgOnly } from '../analytics/indicator-page.js';
import { buildOverview } from '../analytics/overview.js';
import { STATUSES, type Status } from '../analytics/thresholds.js';
import type { TreeFilter } from '../catalog/filter.js';
import { filterParts } from '../catalog/filter.js';
import { findTask, readDocumentTree, resolveDepartment, tasksOfDepartment } from '../catalog/read.js';
import type { Store } from '../store/store.js';
import { parseAsOf } from './as-of.js';
import type { DocumentContext } from './context.js';
import { documentFor } from './context.js';
import { render } from './render.js';

/** The pages people read: overview, task, department list and department. */
export function pageRoutes(store: Store, cache: VersionCache) {
  const app = new Hono();

  /** The overview's figures for a request's document, month and filters (computed once per data version). */
  const overviewFor = async (c: Context, ctx: DocumentContext) => {
    const tree = await readDocumentTree(store, ctx.document);
    const department = c.req.query('department') || undefined;
    const filter = {
      department: department && (await resolveDepartment(store, department)),
      kind: parseKind(c.req.query('kind')),
      part: parsePart(c.req.query('part'), tree.parts.length),
      status: parseStatus(c.req.query('status')),
    };
    const asOf = await parseAsOf(store, ctx.document, c.req.query('asof'), c.req.query('known'));
    const key = JSON.stringify([ctx.document.id, asOf.period, c.req.query('known') ?? '', filter]);
    const { value: data } = await cache.get(key, () => buildOverview(store, tree, asOf, filter));
    return { tree, filter, data };
  };

  app.get('/', async (c) => {
    const ctx = await documentFor(c, store);
    if (!ctx) return c.html(<NoDocumentPage />);
    const { tree, filter, data } = await overviewFor(c, ctx);
    const codes = filter.status ? new Set(data.shown.map((r) => r.code)) : undefined;
    const query = new URLSearchParams(c.req.query());
    query.delete('status');
    const props = {
      tree,
      documents: ctx.documents,
      parts: filterParts(tree, { ...filter, codes }),
      filter,
      docQuery: ctx.docQuery,
      data,
      query,
      current: new URLSearchParams(c.req.query()),
    };
    return render(
      c,
      () => <OverviewPage {...props} />,
      () => <OverviewBody {...props} />,
    );
  });

  /** The overview's charts as standalone SVG files: status over time, and departments. */
  app.get('/charts/:name{(status|departments)\\.svg}', async (c) => {
    const ctx = await requireDocument(c, store);
    const { data } = await overviewFor(c, ctx);
    const svg = c.req.param('name') === 'status.svg' ? data.statusChart : data.departmentChart;
    if (!svg) throw new HTTPException(404, { message: '所选月份之前还没有数据，没有可下载的图表' });
    c.header('Content-Type', 'image/svg+xml; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${c.req.param('name')}"`);
    return c.body(svgOnly(svg));
  });

  app.get('/tasks/:seq', async (c) => {
    const seq = Number(c.req.param('seq'));
    if (!Number.isInteger(seq) || seq <= 0) throw new HTTPException(404, { message: '任务编号应为正整数' });
    const ctx = await requireDocument(c, store);
    const tree = await readDocumentTree(store, ctx.document);
    const { part, section, task } = findTask(tree, seq);
    const seqs = tree.parts.flatMap((p) => p.sections.flatMap((s) => s.tasks.map((t) => t.seq)));
    const at = seqs.indexOf(seq);
    return c.html(
      <TaskPage
        {...ctx}
        part={part}
        section={section}
        task={task}
        previous={seqs[at - 1]}
        next={seqs[at + 1]}
      />,
    );
  });

  app.get('/departments', async (c) => {
    const ctx = await requireDocument(c, store);
    const tree = await readDocumentTree(store, ctx.document);
    return c.html(<DepartmentsPage {...ctx} departments={tree.departments} />);
  });

  app.get('/departments/:name', async (c) => {
    const ctx = await requireDocument(c, store);
    const name = await resolveDepartment(store, c.req.param('name'));
    const tree = await readDocumentTree(store, ctx.document);
    const asOf = await parseAsOf(store, ctx.document, c.req.query('asof'), c.req.query('known'));
    const rows = (await indicatorRows(store, tree, asOf)).filter((r) => r.departments.includes(name));
    return c.html(
      <DepartmentPage
        {...ctx}
        name={name}
        tasks={tasksOfDepartment(tree, name)}
        asOf={asOf.period}
        states={new Map(rows.map((r) => [r.code, r]))}
        summary={rollup(rows, () => [{ key: name, label: name }])[0]}
      />,
    );
  });

  return app;
}

function parsePart(raw: string | undefined, parts: number): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const part = Number(raw);
  if (!Number.isInteger(part) || part < 1 || part > parts) {
    throw new HTTPException(400, { message: `部分“${raw}”无效，应为 1 到 ${parts} 之间的数字` });
  }
  return part;
}

function parseStatus(raw: string | undefined): Status | undefined {
  if (raw === undefined || raw === '') return undefined;
  if ((STATUSES as readonly string[]).includes(raw)) return raw as Status;
  throw new HTTPException(400, { message: `状态“${raw}”无效，应为 ${STATUSES.join('、')} 之一` });
}

function parseKind(raw: string | undefined): TreeFilter['kind'] {
  if (raw === 'numeric' || raw === 'milestone') return raw;
  if (raw === undefined || raw === '') return undefined;
  throw new HTTPException(400, { message: `任务类型“${raw}”无效，应为 numeric 或 milestone` });
}

async function requireDocument(c: Parameters<typeof documentFor>[0], store: Store) {
  const ctx = await documentFor(c, store);
  if (!ctx) throw new HTTPException(404, { message: '尚未载入重点任务文件' });
  return ctx;
}
