import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DepartmentPage, DepartmentsPage } from '../../views/department.js';
import { NoDocumentPage, OverviewPage, TaskTree } from '../../views/overview.js';
import { TaskPage } from '../../views/task.js';
import type { TreeFilter } from '../catalog/filter.js';
import { filterParts } from '../catalog/filter.js';
import { findTask, readDocumentTree, resolveDepartment, tasksOfDepartment } from '../catalog/read.js';
import type { Store } from '../store/store.js';
import { documentFor } from './context.js';
import { render } from './render.js';

/** The pages people read: overview, task, department list and department. */
export function pageRoutes(store: Store) {
  const app = new Hono();

  app.get('/', async (c) => {
    const ctx = await documentFor(c, store);
    if (!ctx) return c.html(<NoDocumentPage />);
    const tree = await readDocumentTree(store, ctx.document);
    const department = c.req.query('department') || undefined;
    const filter: TreeFilter = {
      department: department && (await resolveDepartment(store, department)),
      kind: parseKind(c.req.query('kind')),
    };
    const props = {
      tree,
      documents: ctx.documents,
      parts: filterParts(tree, filter),
      filter,
      docQuery: ctx.docQuery,
    };
    return render(
      c,
      () => <OverviewPage {...props} />,
      () => <TaskTree {...props} />,
    );
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
    return c.html(<DepartmentPage {...ctx} name={name} tasks={tasksOfDepartment(tree, name)} />);
  });

  return app;
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
