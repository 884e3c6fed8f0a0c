import type { IndicatorRow } from '../src/analytics/dashboard.js';
import type { DocumentRow, PartView, SectionView, TaskView } from '../src/catalog/read.js';
import { DepartmentChips } from './components/department-chips.js';
import { StatusBadge } from './components/status.js';
import {
  chineseNumeral,
  formatDeadline,
  formatMonth,
  formatPercent,
  formatQuantity,
  formatTarget,
  KIND_LABELS,
} from './format.js';
import { Layout } from './layout.js';
import { taskHref } from './links.js';

export interface TaskPageProps {
  document: DocumentRow;
  documents: DocumentRow[];
  part: PartView;
  section: SectionView;
  task: TaskView;
  previous?: number | undefined;
  next?: number | undefined;
  docQuery: string;
  /** The month shown (YYYY-MM-DD) and each indicator's state then. */
  asOf: string;
  states: Map<string, IndicatorRow>;
}

/** One task in full: where it sits, its whole text, its departments and a table of its indicators. */
export function TaskPage({
  document,
  documents,
  part,
  section,
  task,
  previous,
  next,
  docQuery,
  asOf,
  states,
}: TaskPageProps) {
  return (
    <Layout title={`第${task.seq}项任务`} document={document} documents={documents}>
      <nav class="breadcrumb" aria-label="位置">
        <a href={`/${docQuery}#part-${part.no}`}>
          {chineseNumeral(part.no)}、{part.title}
        </a>
        {section.no > 0 && (
          <a href={`/${docQuery}#section-${section.no}`}>
            （{chineseNumeral(section.no)}）{section.title}
          </a>
        )}
      </nav>
      <article class="task-detail">
        <h1>
          <span class="task-seq task-seq-large">{task.seq}</span>第{task.seq}项任务
        </h1>
        <p class="task-fulltext">{task.text}</p>
        <DepartmentChips departments={task.departments} mode={task.mode} docQuery={docQuery} />
        <h2>指标（截至{formatMonth(asOf)}）</h2>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">编码</th>
              <th scope="col">指标</th>
              <th scope="col">类型</th>
              <th scope="col" class="num">
                目标
              </th>
              <th scope="col">完成时限</th>
              <th scope="col" class="num">
                累计完成
              </th>
              <th scope="col" class="num">
                完成率
              </th>
              <th scope="col" class="num">
                序时进度
              </th>
              <th scope="col">状态</th>
              <th scope="col">原文</th>
            </tr>
          </thead>
          <tbody>
            {task.indicators.map((i) => (
              <tr id={`ind-${i.code}`}>
                <td>
                  <code>{i.code}</code>
                </td>
                <td>{i.name}</td>
                <td>
                  <span class={`tag tag-${i.kind}`}>{KIND_LABELS[i.kind]}</span>
                </td>
                <td class="num">
                  {i.kind === 'milestone' ? '完成' : formatTarget(i.target, i.unit, i.comparator)}
                </td>
                <td>{formatDeadline(i.deadline, document.year)}</td>
                <IndicatorStateCells state={states.get(i.code)} />
                <td class="source">{i.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </article>
      <nav class="pager no-print" aria-label="翻页">
        {previous !== undefined ? <a href={taskHref(previous, docQuery)}>← 第{previous}项</a> : <span />}
        {next !== undefined ? <a href={taskHref(next, docQuery)}>第{next}项 →</a> : <span />}
      </nav>
    </Layout>
  );
}

/** Actual, completion, pace and status of one indicator (a milestone: its status only). */
function IndicatorStateCells({ state }: { state: IndicatorRow | undefined }) {
  if (!state) {
    return (
      <>
        <td class="num">—</td>
        <td class="num">—</td>
        <td class="num">—</td>
        <td>—</td>
      </>
    );
  }
  return (
    <>
      <td class="num">{formatQuantity(state.actual, state.unit) || '—'}</td>
      <td class="num">{formatPercent(state.completion)}</td>
      <td class="num">{formatPercent(state.pace)}</td>
      <td class="nowrap">
        <a href={`/indicators/${encodeURIComponent(state.code)}`}>
          <StatusBadge status={state.status} />
        </a>
      </td>
    </>
  );
}
