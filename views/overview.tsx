import { countTasks, type TreeFilter } from '../src/catalog/filter.js';
import type { DocumentRow, DocumentTree, PartView } from '../src/catalog/read.js';
import { TaskCard } from './components/task-card.js';
import { chineseNumeral } from './format.js';
import { Layout } from './layout.js';

export interface OverviewProps {
  tree: DocumentTree;
  documents: DocumentRow[];
  parts: PartView[];
  filter: TreeFilter;
  docQuery: string;
}

/** The overview: headline counts, filters, and every part, section and task of the document. */
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
      <TaskTree {...props} />
    </Layout>
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

/** Filters swap only the task list (htmx) and keep their state in the URL, so a shared link opens the same view. */
function Filters({ tree, filter }: OverviewProps) {
  return (
    <form
      class="filters no-print"
      method="get"
      action="/"
      hx-get="/"
      hx-target="#task-tree"
      hx-select="#task-tree"
      hx-swap="outerHTML"
      hx-push-url="true"
      hx-trigger="change"
    >
      <input type="hidden" name="doc" value={tree.document.id} />
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
      <noscript>
        <button type="submit">筛选</button>
      </noscript>
    </form>
  );
}

/** The fragment the filters swap: parts, sections and task cards. */
export function TaskTree({ tree, parts, filter, docQuery }: OverviewProps) {
  const shown = countTasks(parts);
  const filtered = Boolean(filter.department || filter.kind);
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
                <TaskCard task={task} year={tree.document.year} docQuery={docQuery} />
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
