import type { IndicatorRow, Rollup } from '../src/analytics/dashboard.js';
import { STATUSES } from '../src/analytics/thresholds.js';
import type { DepartmentSummary, DocumentRow, PartView, SectionView, TaskView } from '../src/catalog/read.js';
import { STATUS_CLASS } from './components/status.js';
import { TaskCard } from './components/task-card.js';
import { formatMonth, formatPercent } from './format.js';
import { Layout } from './layout.js';
import { departmentHref } from './links.js';

export interface DepartmentPageProps {
  asOf: string;
  states: Map<string, IndicatorRow>;
  summary?: Rollup | undefined;
  document: DocumentRow;
  documents: DocumentRow[];
  name: string;
  tasks: { part: PartView; section: SectionView; task: TaskView }[];
  docQuery: string;
}

/** One department: every task it is responsible for, and their indicators. */
export function DepartmentPage({
  document,
  documents,
  name,
  tasks,
  docQuery,
  asOf,
  states,
  summary,
}: DepartmentPageProps) {
  const indicators = tasks.reduce((n, t) => n + t.task.indicators.length, 0);
  return (
    <Layout title={name} document={document} documents={documents} active="departments">
      <nav class="breadcrumb" aria-label="位置">
        <a href={`/departments${docQuery}`}>责任单位</a>
      </nav>
      <section class="hero hero-small">
        <h1>{name}</h1>
        <dl class="stats">
          <div class="stat">
            <dt>项任务</dt>
            <dd>{tasks.length}</dd>
          </div>
          <div class="stat">
            <dt>个指标</dt>
            <dd>{indicators}</dd>
          </div>
          {summary && (
            <div class="stat">
              <dt>平均完成率（{formatMonth(asOf)}）</dt>
              <dd>{formatPercent(summary.meanCompletion)}</dd>
            </div>
          )}
        </dl>
        {summary && (
          <p class="lede">
            截至{formatMonth(asOf)}：{STATUSES.map((s) => `${s} ${summary.counts[s]} 个`).join('，')}。
          </p>
        )}
      </section>
      {tasks.map(({ task }) => (
        <TaskCard task={task} year={document.year} docQuery={docQuery} states={states} />
      ))}
    </Layout>
  );
}

/** Every department of the document, with how many tasks and indicators it answers for. */
export function DepartmentsPage({
  document,
  documents,
  departments,
  docQuery,
  rollups,
  asOf,
}: {
  document: DocumentRow;
  documents: DocumentRow[];
  departments: DepartmentSummary[];
  docQuery: string;
  /** Each department's status counts as of `asOf`. */
  rollups: Map<string, Rollup>;
  asOf: string;
}) {
  return (
    <Layout title="责任单位" document={document} documents={documents} active="departments">
      <section class="hero hero-small">
        <h1>责任单位</h1>
        <p class="lede">
          共 {departments.length} 个责任单位，按在文件中首次出现的顺序排列；状态为截至{formatMonth(asOf)}。
        </p>
      </section>
      <ul class="department-grid">
        {departments.map((d) => (
          <li>
            <a href={departmentHref(d.name, docQuery)}>
              <span class="department-name">{d.name}</span>
              <span class="department-counts">
                {d.tasks} 项任务 · {d.indicators} 个指标
              </span>
              <DepartmentStatus rollup={rollups.get(d.name)} />
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** A department's statuses in a line: the ones behind first, then the mean completion. */
function DepartmentStatus({ rollup }: { rollup: Rollup | undefined }) {
  if (!rollup) return <span class="department-status">无指标</span>;
  const shown = [...STATUSES].reverse().filter((s) => rollup.counts[s] > 0);
  return (
    <span class="department-status">
      {shown.map((s) => (
        <span class={`badge badge-${STATUS_CLASS[s]}`}>
          {s} {rollup.counts[s]}
        </span>
      ))}
      {rollup.meanCompletion !== null && (
        <span class="department-mean">平均完成率 {formatPercent(rollup.meanCompletion)}</span>
      )}
    </span>
  );
}
