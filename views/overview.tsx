import { spanMonths } from '../src/analytics/indicators.js';
import type { OverviewData, OverviewFilter } from '../src/analytics/overview.js';
import { STATUSES } from '../src/analytics/thresholds.js';
import { countTasks, filterParts } from '../src/catalog/filter.js';
import type { DocumentRow, DocumentTree } from '../src/catalog/read.js';
import { TaskCard } from './components/task-card.js';
import { PendingBanner, PendingToggle } from './components/view-filters.js';
import { Dashboard } from './dashboard.js';
import { chineseNumeral, monthLabel } from './format.js';
import { Layout } from './layout.js';

export interface OverviewProps {
  tree: DocumentTree;
  documents: DocumentRow[];
  filter: OverviewFilter;
  docQuery: string;
  data: OverviewData;
  /** The view's whole query, as in the URL (for the status links and the downloads). */
  query: URLSearchParams;
  /** TAIZHANG_APPROVAL: the 含待审核数据 toggle is offered when uploads wait for approval. */
  approval?: 'off' | 'required';
}

/** The overview: headline counts, filters, the dashboard, and every part, section and task of the document. */
export function OverviewPage(props: OverviewProps) {
  const { tree, documents } = props;
  const { counts } = tree;
  const numeric = tree.parts
    .flatMap((p) => p.sections.flatMap((s) => s.tasks.flatMap((t) => t.indicators)))
    .filter((i) => i.kind !== 'milestone').length;
  return (
    <Layout title={tree.document.title} document={tree.document} documents={documents} active="overview">
      <section class="hero">
        <p class="eyebrow">{tree.document.year}年度重点任务</p>
        <h1>{tree.document.title}</h1>
        <dl class="stats">
          <Stat label="部分" value={counts.parts} />
          <Stat label="节" value={counts.sections} />
          <Stat label="项任务" value={counts.tasks} />
          <Stat label="个责任单位" value={counts.departments} href={`/departments${props.docQuery}`} />
          <Stat label="项量化指标" value={numeric} />
          <Stat label="项节点任务" value={counts.indicators - numeric} />
        </dl>
      </section>
      <Filters {...props} />
      <OverviewBody {...props} />
    </Layout>
  );
}

/** Everything the filters change: swapped in place by htmx. */
export function OverviewBody(props: OverviewProps) {
  const withoutStatus = new URLSearchParams(props.query);
  withoutStatus.delete('status');
  return (
    <div id="overview-body">
      <PendingBanner pending={props.data.asOf.pending} />
      <Dashboard tree={props.tree} data={props.data} query={withoutStatus} current={props.query} />
      <TaskTree {...props} />
    </div>
  );
}

function Stat({ label, value, href }: { label: string; value: number; href?: string }) {
  return (
    <div class="stat">
      <dt>{label}</dt>
      <dd>{href ? <a href={href}>{value}</a> : value}</dd>
    </div>
  );
}

/** Filters swap only the body (htmx) and keep their state in the URL, so a shared link opens the same view. */
function Filters({ tree, filter, data, approval }: OverviewProps) {
  const asofMonth = data.asOf.period.slice(0, 7);
  return (
    <form
      class="filters no-print"
      method="get"
      action="/"
      hx-get="/"
      hx-target="#overview-body"
      hx-select="#overview-body"
      hx-swap="outerHTML"
      hx-push-url="true"
      hx-trigger="change"
    >
      <input type="hidden" name="doc" value={tree.document.id} />
      <label>
        截至
        <select name="asof">
          {spanMonths(tree.document).map((m, _, all) => (
            <option value={m} selected={m === asofMonth}>
              {monthLabel(m, all.length > 12)}
            </option>
          ))}
        </select>
      </label>
      <label>
        责任单位
        <select name="department">
          <option value="">全部责任单位</option>
          {tree.departments.map((d) => (
            <option value={d.name} selected={d.name === filter.department}>
              {d.name}（{d.tasks}项）
            </option>
          ))}
        </select>
      </label>
      <label>
        部分
        <select name="part">
          <option value="">全部</option>
          {tree.parts.map((p) => (
            <option value={String(p.no)} selected={p.no === filter.part}>
              {chineseNumeral(p.no)}、{p.title}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="status-choices">
        <legend>状态（可多选，不选为全部）</legend>
        {STATUSES.map((s) => (
          <label class="check">
            <input type="checkbox" name="status" value={s} checked={filter.statuses?.includes(s)} />
            {s}
          </label>
        ))}
      </fieldset>
      <label>
        任务类型
        <select name="kind">
          <option value="">全部任务</option>
          <option value="numeric" selected={filter.kind === 'numeric'}>
            有量化指标
          </option>
          <option value="milestone" selected={filter.kind === 'milestone'}>
            节点任务
          </option>
        </select>
      </label>
      {(approval === 'required' || data.asOf.pending) && (
        <PendingToggle pending={data.asOf.pending ?? false} />
      )}
      <noscript>
        <button type="submit">筛选</button>
      </noscript>
    </form>
  );
}

/** The fragment the filters swap: parts, sections and task cards. */
export function TaskTree({ tree, filter, docQuery, data }: OverviewProps) {
  const filtered = Boolean(filter.department || filter.kind || filter.part || filter.statuses?.length);
  // The tasks with at least one of the indicators the filter leaves.
  const parts = filterParts(tree, {
    ...filter,
    codes: filtered ? new Set(data.shown.map((r) => r.code)) : undefined,
  });
  const shown = countTasks(parts);
  const states = new Map(data.rows.map((r) => [r.code, r]));
  return (
    <div id="task-tree">
      {filtered && (
        <p class="filter-summary" role="status">
          共 {shown} 项任务符合条件 · <a href={`/${docQuery}`}>清除筛选</a>
        </p>
      )}
      {parts.length === 0 && <p class="empty">没有符合条件的任务，请调整筛选条件。</p>}
      {parts.map((part) => (
        <section class="part" id={`part-${part.no}`}>
          <h2 class="part-title">
            <span class="part-no">{chineseNumeral(part.no)}、</span>
            {part.title}
          </h2>
          {part.sections.map((section) => (
            <section class="section" id={section.no ? `section-${section.no}` : undefined}>
              {section.no > 0 && (
                <h3 class="section-title">
                  <span class="section-no">（{chineseNumeral(section.no)}）</span>
                  {section.title}
                </h3>
              )}
              {section.tasks.map((task) => (
                <TaskCard task={task} year={tree.document.year} docQuery={docQuery} states={states} />
              ))}
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}

/** Shown when no document has been loaded yet: what to do next. */
export function NoDocumentPage() {
  return (
    <Layout title="尚未载入重点任务文件">
      <section class="empty-state">
        <h1>尚未载入重点任务文件</h1>
        <p>台账启动时会载入 seeds/ 目录中审核过的目录文件（*.catalog.json）。请先生成目录：</p>
        <pre>npm run -s catalog -- seeds/文件名.txt &gt; seeds/文件名.catalog.json</pre>
        <p>核对无误后重新启动台账（npm start）。</p>
      </section>
    </Layout>
  );
}
