import type { DubanList, DubanRow } from '../src/accountability/duban.js';
import type { AsOf } from '../src/analytics/indicators.js';
import type { DocumentRow, DocumentTree } from '../src/catalog/read.js';
import { StatusBadge } from './components/status.js';
import { PendingBanner, ViewFilters } from './components/view-filters.js';
import { formatDeadline, formatMonth, formatNumber, formatPercent, formatTarget } from './format.js';
import { Layout } from './layout.js';

export interface DubanPageProps {
  document: DocumentRow;
  documents: DocumentRow[];
  tree: DocumentTree;
  asOf: AsOf;
  filter: { department?: string | undefined };
  list: DubanList;
  /** The page's query, carried to its downloads. */
  query: URLSearchParams;
}

/**
 * The 督办清单, and on paper the 督办通知: one section per lead department (a page each when
 * printed on A4), its indicators behind pace, not reported or past their deadline, the most
 * behind first.
 */
export function DubanPage({ document, documents, tree, asOf, filter, list, query }: DubanPageProps) {
  const month = formatMonth(asOf.period);
  const download = (format: string) => {
    const q = new URLSearchParams();
    for (const key of ['doc', 'department', 'known', 'pending', 'part', 'status', 'kind']) {
      for (const value of query.getAll(key)) if (value) q.append(key, value);
    }
    q.set('asof', asOf.period.slice(0, 7));
    q.set('format', format);
    return `/api/duban?${q.toString()}`;
  };
  return (
    <Layout title={`督办清单（${month}）`} document={document} documents={documents} active="duban">
      <section class="hero hero-small no-print">
        <h1>督办清单</h1>
        <p class="lede">
          截至{month}
          ，各牵头单位（任务中第一个责任单位）进度滞后、严重滞后或未报送的指标，以及已过完成时限仍未完成的指标，按差距（序时进度减完成率）从大到小排列。
        </p>
      </section>
      <ViewFilters
        action="/duban"
        tree={tree}
        asof={asOf.period}
        department={filter.department}
        pending={asOf.pending ?? false}
      />
      <p class="downloads no-print">
        下载：
        <a href={download('xlsx')} download>
          Excel
        </a>
        {' · '}
        <a href={download('csv')} download>
          CSV
        </a>
        {' · '}
        <a href={download('json')}>JSON</a>
        <span class="hint"> · 用浏览器“打印”即得按单位分页的 A4 督办通知。</span>
      </p>
      <PendingBanner pending={asOf.pending} />
      <article class="duban" aria-label="督办通知">
        {list.departments.length === 0 ? (
          <p class="empty">截至{month}，没有滞后、未报送或逾期未完成的指标。</p>
        ) : (
          list.departments.map(({ department, rows }) => (
            <DepartmentNotice
              title={document.title}
              month={month}
              department={department}
              rows={rows}
              year={document.year}
            />
          ))
        )}
      </article>
    </Layout>
  );
}

function DepartmentNotice({
  title,
  month,
  department,
  rows,
  year,
}: {
  title: string;
  month: string;
  department: string;
  rows: DubanRow[];
  year: number;
}) {
  const behind = rows.filter((r) => r.status === '滞后' || r.status === '严重滞后').length;
  const missing = rows.filter((r) => r.status === '未报送').length;
  const overdue = rows.filter((r) => r.overdue).length;
  return (
    <section class="duban-notice" data-department={department}>
      <header class="duban-head">
        <p class="eyebrow">督办通知 · {title}</p>
        <h2>{department}</h2>
        <p class="duban-summary">
          截至{month}，贵单位牵头的下列 {rows.length} 项指标需要督办：进度滞后 {behind} 项，未报送 {missing}{' '}
          项{overdue > 0 ? `，已过完成时限仍未完成 ${overdue} 项` : ''}
          。请对照目标抓紧推进，按时报送完成情况；未报送的请尽快补报。
        </p>
      </header>
      <div class="table-scroll">
        <table class="table duban-table cards-on-phone">
          <thead>
            <tr>
              <th scope="col" class="num">
                序
              </th>
              <th scope="col">任务与指标</th>
              <th scope="col" class="num">
                目标
              </th>
              <th scope="col" class="num">
                累计完成
              </th>
              <th scope="col" class="num">
                完成率
              </th>
              <th scope="col" class="num">
                序时进度
              </th>
              <th scope="col" class="num">
                差距
              </th>
              <th scope="col">完成时限</th>
              <th scope="col">最近报送</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr data-code={r.code}>
                <td class="num card-hide">{r.rank}</td>
                <td class="duban-item card-title">
                  <a href={`/indicators/${encodeURIComponent(r.code)}`}>{r.name}</a>
                  <span class="duban-code">
                    <code>{r.code}</code> · {r.task_seq === null ? '发展目标' : `第${r.task_seq}项任务`}
                  </span>
                  <span class="duban-task">{r.task_text}</span>
                </td>
                <td class="num" data-label="目标">
                  {r.kind === 'milestone' ? '完成' : formatTarget(r.target, r.unit, r.comparator)}
                </td>
                <td class="num" data-label="累计完成">
                  {r.kind === 'milestone'
                    ? (r.milestone_status ?? '—')
                    : r.actual === null
                      ? '—'
                      : `${formatNumber(r.actual)}${r.unit ?? ''}`}
                </td>
                <td class="num" data-label="完成率">
                  {formatPercent(r.completion)}
                </td>
                <td class="num" data-label="序时进度">
                  {formatPercent(r.pace)}
                </td>
                <td class="num gap" data-label="差距">
                  {formatPoints(r.gap)}
                </td>
                <td class="nowrap" data-label="完成时限">
                  {formatDeadline(r.deadline, year)}
                  {r.overdue && <span class="overdue">已过时限</span>}
                </td>
                <td class="nowrap" data-label="最近报送">
                  {r.last_period ? formatMonth(r.last_period) : '从未报送'}
                </td>
                <td data-label="状态">
                  <StatusBadge status={r.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** 0.512 → "51.2个百分点". */
function formatPoints(gap: number): string {
  return `${Math.round(gap * 1000) / 10}个百分点`;
}
