import { raw } from 'hono/html';
import { ROLLUP_RULE, type Rollup } from '../src/analytics/dashboard.js';
import { forecastSentence } from '../src/analytics/indicators.js';
import type { OverviewData } from '../src/analytics/overview.js';
import { STATUS_RULE, STATUSES } from '../src/analytics/thresholds.js';
import type { DocumentTree } from '../src/catalog/read.js';
import { departmentChart, statusChart } from './charts/figures.js';
import { sparkline } from './charts/indicator.js';
import { completionSmallMultiple } from './charts/overview.js';
import { RollupTable } from './components/rollup-table.js';
import { STATUS_CLASS, StatusBadge } from './components/status.js';
import { chineseNumeral, formatMonth, formatPercent, formatQuantity, formatTarget } from './format.js';
import { CsrfField } from './holes.js';

export interface DashboardProps {
  tree: DocumentTree;
  data: OverviewData;
  /** The URL of this view without the status filter, to build the status links. */
  query: URLSearchParams;
  /** The view's whole query, so a download has exactly what is on the screen. */
  current: URLSearchParams;
}

/**
 * Under a default month: how many indicators have reported later months, and where to see them
 * (the default is the month at least half of the reporting indicators have reached).
 */
export function AheadNote({ asOf }: { asOf: { period: string; ahead?: number } }) {
  if (!asOf.ahead) return null;
  const next = nextMonth(asOf.period);
  return (
    <p class="hint ahead-note">
      默认显示多数指标已报送到的月份；另有 {asOf.ahead} 个指标已报送{formatMonth(next)}及以后的数据，
      <a href={`?asof=${next.slice(0, 7)}`}>查看{formatMonth(next)}</a>。
    </p>
  );
}

/** The month end after `period` (YYYY-MM-DD). */
function nextMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m + 1, 0));
  return d.toISOString().slice(0, 10);
}

/** The figures a leader reads first: status counts, headline indicators, and the charts over time. */
export function Dashboard({ tree, data, query, current }: DashboardProps) {
  const year = tree.document.year;
  if (!data.hasData) return <EmptyDashboard />;
  const statusSvg = statusChart(data);
  const departmentSvg = departmentChart(data);
  return (
    <section class="dashboard" aria-label="完成情况">
      <h2 class="dashboard-title">截至{formatMonth(data.asOf.period)}完成情况</h2>
      <AheadNote asOf={data.asOf} />
      <Downloads current={current} asof={data.asOf.period} />
      <StatusStrip data={data} query={query} />
      <details class="rule">
        <summary>状态怎么判定</summary>
        <ul>
          {STATUS_RULE.map((line) => (
            <li>{line}</li>
          ))}
          <li>{ROLLUP_RULE}</li>
        </ul>
      </details>
      {data.headline.length > 0 && (
        <div class="headline-grid">
          {data.headline.map(({ row, series }) => (
            <a
              class={`headline status-${STATUS_CLASS[row.status]}`}
              href={`/indicators/${encodeURIComponent(row.code)}`}
            >
              <span class="headline-name">{row.name}</span>
              <span class="headline-figure">
                {row.kind === 'milestone'
                  ? (row.milestone_status ?? '未报送')
                  : formatQuantity(row.actual, row.unit) || '未报送'}
              </span>
              <span class="headline-target">
                目标 {formatTarget(row.target, row.unit, row.comparator)} · 完成{' '}
                {formatPercent(row.completion)}
              </span>
              <span class="headline-spark">{raw(sparkline(series, { target: row.target, year }))}</span>
              <StatusBadge status={row.status} />
              {forecastSentence(row, year) && (
                <span class="headline-forecast">{forecastSentence(row, year)}</span>
              )}
            </a>
          ))}
        </div>
      )}
      {statusSvg && (
        <figure class="chart">
          {raw(statusSvg)}
          <figcaption>
            <a href={chartHref('status', current, data.asOf.period)} download>
              下载 SVG
            </a>
            <details>
              <summary>各月数据</summary>
              <StatusHistoryTable rows={data.statusHistory} />
            </details>
          </figcaption>
        </figure>
      )}
      <h3 class="block-title">各量化指标完成率走势（按落后序时进度的程度排序，最落后的在前）</h3>
      {data.multiples.length === 0 ? (
        <p class="empty">所选范围内没有量化指标。</p>
      ) : (
        <div class="multiples">
          {data.multiples.map(({ row, points }) => (
            <a class="multiple" href={`/indicators/${encodeURIComponent(row.code)}`}>
              {raw(
                completionSmallMultiple(points, {
                  title: row.name,
                  year,
                  deadline: row.deadline,
                  status: row.status,
                }),
              )}
              <span class="multiple-caption">
                <StatusBadge status={row.status} /> 完成 {formatPercent(row.completion)} · 序时{' '}
                {formatPercent(row.pace)}
              </span>
            </a>
          ))}
        </div>
      )}
      <details class="panel rollups">
        <summary>按部分、节汇总（各状态指标数与平均完成率）</summary>
        <RollupTable
          title="部分"
          rows={byNumber(data.parts)}
          label={(r) => `${chineseNumeral(Number(r.key))}、${r.label}`}
        />
        <RollupTable
          title="节"
          rows={byNumber(data.sections)}
          label={(r) => `（${chineseNumeral(Number(r.key))}）${r.label}`}
        />
      </details>
      {departmentSvg && (
        <figure class="chart">
          {raw(departmentSvg)}
          <figcaption>
            <a href={chartHref('departments', current, data.asOf.period)} download>
              下载 SVG
            </a>
            <details>
              <summary>各责任单位数据</summary>
              <RollupTable
                title="责任单位"
                rows={data.departments}
                label={(d) => <a href={`/departments/${encodeURIComponent(d.key)}`}>{d.label}</a>}
              />
            </details>
          </figcaption>
        </figure>
      )}
    </section>
  );
}

/** Counts per status; each is a link that filters the view to that status. */
function StatusStrip({ data, query }: { data: OverviewData; query: URLSearchParams }) {
  return (
    <ul class="status-strip">
      {STATUSES.map((status) => {
        const q = new URLSearchParams(query);
        q.set('status', status);
        return (
          <li>
            <a class={`status-card status-${STATUS_CLASS[status]}`} href={`/?${q.toString()}`}>
              <span class="status-count">{data.counts[status]}</span>
              <span class="status-name">{status}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** Before any report: say what to do instead of drawing empty charts. */
function EmptyDashboard() {
  return (
    <section class="dashboard empty-dashboard">
      <h2 class="dashboard-title">还没有报送任何数据</h2>
      <p>各指标的完成情况、序时进度和走势图会在报送数据后显示在这里。</p>
      <ol>
        <li>
          下载<a href="/templates/actuals.csv">填报模板</a>（已列出全部指标编码和名称），或
          <a href="/templates/actuals-wide.csv">按月分列模板</a>；
        </li>
        <li>
          填好后到<a href="/uploads">数据填报</a>上传，检查无误后提交；
        </li>
        <li>
          想先看看效果，可以加载一套标明为“示例数据”的演示数据，随时可以撤回。
          <form method="post" action="/sample" class="inline-form admin-only">
            <CsrfField />
            <button type="submit" class="secondary">
              加载示例数据
            </button>
          </form>
        </li>
      </ol>
    </section>
  );
}

/** The snapshot of exactly this view, in each format. */
function Downloads({ current, asof }: { current: URLSearchParams; asof: string }) {
  const params = new URLSearchParams();
  for (const key of ['doc', 'department', 'part', 'status', 'kind', 'known']) {
    for (const value of current.getAll(key)) if (value) params.append(key, value);
  }
  params.set('asof', asof.slice(0, 7));
  const link = (format: string) => {
    const q = new URLSearchParams(params);
    q.set('format', format);
    return `/api/snapshot?${q.toString()}`;
  };
  return (
    <p class="downloads no-print">
      下载当前视图的指标快照：
      <a href={link('xlsx')} download>
        Excel
      </a>
      {' · '}
      <a href={link('csv')} download>
        CSV
      </a>
      {' · '}
      <a href={link('json')} download>
        JSON
      </a>
      {' · '}
      <a href={link('parquet')} download>
        Parquet
      </a>
      {' · '}
      <a href={link('arrow')} download>
        Arrow
      </a>
    </p>
  );
}

/** Parts and sections in document order (their keys are their numbers). */
function byNumber(rows: Rollup[]): Rollup[] {
  return [...rows].sort((a, b) => Number(a.key) - Number(b.key));
}

/** The download of one overview chart, for the same view. */
function chartHref(name: string, current: URLSearchParams, asof: string): string {
  const q = new URLSearchParams(current);
  q.set('asof', asof.slice(0, 7));
  return `/charts/${name}.svg?${q.toString()}`;
}

/** Months as rows, statuses as columns: the status chart as a table. */
function StatusHistoryTable({ rows }: { rows: OverviewData['statusHistory'] }) {
  const months = [...new Set(rows.map((r) => r.period))];
  return (
    <table class="table compact" id="status-history">
      <thead>
        <tr>
          <th scope="col">月末</th>
          {STATUSES.map((s) => (
            <th scope="col" class="num">
              {s}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {months.map((period) => (
          <tr>
            <th scope="row">{formatMonth(period)}</th>
            {STATUSES.map((s) => (
              <td class="num">{rows.find((r) => r.period === period && r.status === s)?.count ?? 0}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
