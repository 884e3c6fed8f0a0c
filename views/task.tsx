import type { EvidenceRow } from '../src/accountability/evidence.js';
import type { IndicatorRow } from '../src/analytics/dashboard.js';
import type { DocumentRow, PartView, SectionView, TaskView } from '../src/catalog/read.js';
import { DepartmentChips } from './components/department-chips.js';
import { FigureCells, FigureHeads } from './components/figure-cells.js';
import { chineseNumeral, formatDeadline, formatMonth, formatTarget, KIND_LABELS } from './format.js';
import { EvidenceList } from './indicator.js';
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
  /** The evidence files filed for the task's indicators. */
  evidence?: EvidenceRow[] | undefined;
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
  evidence = [],
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
              <FigureHeads target={false} pace />
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
        <h2 id="evidence">佐证材料</h2>
        {evidence.length === 0 ? (
          <p class="empty">尚无佐证材料。可在各指标页面上传。</p>
        ) : (
          <EvidenceList evidence={evidence} showCode />
        )}
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
    <FigureCells figures={state} target={false} pace href={`/indicators/${encodeURIComponent(state.code)}`} />
  );
}
