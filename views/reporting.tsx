import {
  FREQUENCIES,
  FREQUENCY_NAMES,
  type GridCell,
  type OwedItem,
  type ReportingView,
  type RuleRow,
  STATE_NAMES,
  STATE_RULE,
} from '../src/accountability/reporting.js';
import type { AsOf } from '../src/analytics/indicators.js';
import type { DocumentRow, DocumentTree } from '../src/catalog/read.js';
import { formatInstant } from '../src/time.js';
import { ViewFilters } from './components/view-filters.js';
import { formatDate, formatMonth } from './format.js';
import { CsrfField } from './holes.js';
import { Layout } from './layout.js';
import { departmentHref } from './links.js';

export interface ReportingPageProps {
  document: DocumentRow;
  documents: DocumentRow[];
  tree: DocumentTree;
  asOf: AsOf;
  docQuery: string;
  filter: { department?: string | undefined };
  reporting: ReportingView;
  rules: RuleRow[];
  query: URLSearchParams;
}

const CELL_NAMES: Record<GridCell['state'], string> = { ...STATE_NAMES, none: '无需报送' };

/** The data-gap grid (department × month), the 催报 list, and the reporting rules. */
export function ReportingPage(props: ReportingPageProps) {
  const { document, documents, tree, asOf, filter, reporting, rules, query } = props;
  const month = formatMonth(asOf.period);
  const download = (format: string) => {
    const q = new URLSearchParams();
    for (const key of ['doc', 'department', 'known']) {
      for (const value of query.getAll(key)) if (value) q.append(key, value);
    }
    q.set('asof', asOf.period.slice(0, 7));
    q.set('format', format);
    return `/api/reporting?${q.toString()}`;
  };
  return (
    <Layout title={`报送情况与催报（${month}）`} document={document} documents={documents} active="reporting">
      <section class="hero hero-small">
        <h1>报送情况与催报</h1>
        <p class="lede">
          截至{month}（按 {formatDate(reporting.ref)}{' '}
          判断是否逾期），各牵头单位每月应报的指标是否已报送；下方催报清单列出谁欠报哪一期、从何时起逾期。
        </p>
      </section>
      <ViewFilters
        action="/reporting"
        tree={tree}
        asof={asOf.period}
        department={filter.department}
        pending={null}
      />
      <p class="downloads no-print">
        下载催报清单：
        <a href={download('xlsx')} download>
          Excel
        </a>
        {' · '}
        <a href={download('csv')} download>
          CSV
        </a>
        {' · '}
        <a href={download('json')}>JSON（应报明细）</a>
      </p>
      <details class="rule panel" open>
        <summary>口径：应报期与各状态的含义</summary>
        <ul>
          {STATE_RULE.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      </details>
      <section class="panel" id="owed">
        <h2>催报清单（{reporting.owed.length} 项）</h2>
        <OwedTable owed={reporting.owed} />
      </section>
      <section class="panel" id="grid">
        <h2>各单位各月报送情况</h2>
        <Grid reporting={reporting} docQuery={props.docQuery} />
      </section>
      <RulesPanel rules={rules} tree={tree} />
    </Layout>
  );
}

/** Who owes what since when: each overdue indicator with its periods, the longest overdue first. */
export function OwedTable({ owed, showDepartment = true }: { owed: OwedItem[]; showDepartment?: boolean }) {
  if (owed.length === 0) return <p class="empty">没有逾期未报或缺报的数据。</p>;
  return (
    <div class="table-scroll">
      <table class="table owed-table cards-on-phone">
        <thead>
          <tr>
            {showDepartment && <th scope="col">牵头单位</th>}
            <th scope="col">指标</th>
            <th scope="col">欠报统计期</th>
            <th scope="col">逾期起始</th>
            <th scope="col" class="num">
              逾期天数
            </th>
            <th scope="col">最近报送期</th>
            <th scope="col">情况</th>
          </tr>
        </thead>
        <tbody>
          {owed.map((o) => (
            <tr data-code={o.code}>
              {showDepartment && (
                <td class="card-title" data-label="牵头单位">
                  {o.department}
                </td>
              )}
              <td class="card-title">
                <a href={`/indicators/${encodeURIComponent(o.code)}`}>{o.name}</a> <code>{o.code}</code>
              </td>
              <td data-label="欠报统计期">
                {monthRanges(o.periods)}（{o.periods.length}期）
              </td>
              <td data-label="逾期起始">{formatDate(o.since)}</td>
              <td class="num" data-label="逾期天数">
                {o.days_overdue}
              </td>
              <td data-label="最近报送期">{o.last_period ? formatMonth(o.last_period) : '从未报送'}</td>
              <td data-label="情况">
                {o.states.map((s) => (
                  <span class={`report-state report-${s}`}>{STATE_NAMES[s]}</span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Months as offices write a run of them: 4–9月, or 1月、3月、6–9月. */
export function monthRanges(periods: string[]): string {
  const months = [...new Set(periods.map((p) => Number(p.slice(5, 7))))].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const m of months) {
    const last = runs[runs.length - 1];
    if (last && m === last[1] + 1) last[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}月` : `${a}–${b}月`)).join('、');
}

function Grid({ reporting, docQuery }: { reporting: ReportingView; docQuery: string }) {
  if (reporting.grid.length === 0) return <p class="empty">所选范围内没有应报的指标。</p>;
  const months = reporting.grid[0]?.cells.map((c) => c.period) ?? [];
  return (
    <div class="table-scroll">
      <table class="table reporting-grid">
        <thead>
          <tr>
            <th scope="col">牵头单位</th>
            {months.map((m) => (
              <th scope="col">{Number(m.slice(5, 7))}月</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {reporting.grid.map((row) => (
            <tr data-department={row.department}>
              <th scope="row">
                <a href={departmentHref(row.department, docQuery)}>{row.department}</a>
              </th>
              {row.cells.map((cell) => (
                <td class={`cell cell-${cell.state}`} data-state={cell.state}>
                  <span class="cell-state">{CELL_NAMES[cell.state]}</span>
                  {cell.owed > 0 && (
                    <span class="cell-count">
                      {cell.reported}/{cell.owed}
                    </span>
                  )}
                  {cell.reported_at && <span class="cell-date">{shortDate(cell.reported_at)}</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "11月3日", Beijing time. */
function shortDate(at: Date): string {
  const text = formatInstant(at);
  return text.replace(/^\d+年/, '').replace(/\s.*$/, '');
}

function RulesPanel({ rules, tree }: { rules: RuleRow[]; tree: DocumentTree }) {
  return (
    <section class="panel" id="rules">
      <h2>报送要求</h2>
      <p class="hint">
        默认：量化指标每月报送、节点任务在完成时限所在月报送一次，截止日为统计期次月 10
        日。管理员可按指标或按牵头单位调整；按指标设置的优先。
      </p>
      <form class="entry-form admin-only no-print" method="post" action="/reporting/rules">
        <CsrfField />
        <label>
          指标编码
          <input type="text" name="code" maxlength={40} placeholder="如 2021-T26-2" />
        </label>
        <label>
          或牵头单位
          <select name="department">
            <option value="">—</option>
            {tree.departments.map((d) => (
              <option value={d.name}>{d.name}</option>
            ))}
          </select>
        </label>
        <label>
          报送频率
          <select name="frequency">
            {FREQUENCIES.map((f) => (
              <option value={f}>{FREQUENCY_NAMES[f]}</option>
            ))}
          </select>
        </label>
        <label>
          截止日（次月）
          <input type="number" name="due_day" min={1} max={28} value="10" required />
        </label>
        <label class="wide">
          原因
          <input type="text" name="reason" maxlength={200} />
        </label>
        <button type="submit">保存</button>
      </form>
      {rules.length === 0 ? (
        <p class="empty">尚未设置，全部按默认要求。</p>
      ) : (
        <table class="table compact">
          <thead>
            <tr>
              <th scope="col">适用于</th>
              <th scope="col">频率</th>
              <th scope="col">截止日</th>
              <th scope="col">原因</th>
              <th scope="col">设置人</th>
              <th scope="col">时间</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr class={r.in_force ? '' : 'superseded'}>
                <td>{r.indicator_code ? <code>{r.indicator_code}</code> : r.department}</td>
                <td>{FREQUENCY_NAMES[r.frequency]}</td>
                <td>次月 {r.due_day} 日</td>
                <td>{r.reason ?? ''}</td>
                <td>{r.set_by}</td>
                <td>{formatInstant(r.set_at)}</td>
                <td>{r.in_force ? '生效' : '已被替代'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
