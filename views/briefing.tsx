import { raw } from 'hono/html';
import { forecastSentence } from '../src/analytics/indicators.js';
import type { OverviewData } from '../src/analytics/overview.js';
import { STATUSES } from '../src/analytics/thresholds.js';
import type { DocumentRow } from '../src/catalog/read.js';
import { departmentChart, statusChart } from './charts/figures.js';
import { STATUS_CLASS, StatusBadge } from './components/status.js';
import { AheadNote } from './dashboard.js';
import { formatMonth, formatPercent, formatQuantity, formatTarget } from './format.js';
import { Layout } from './layout.js';

/**
 * The printable briefing (简报) for a leadership meeting, laid out for A4: the month's headline
 * figures, status counts, the most-behind indicators with their departments, and the charts.
 */
export function BriefingPage({
  document,
  documents,
  data,
}: {
  document: DocumentRow;
  documents: DocumentRow[];
  data: OverviewData;
}) {
  const behind = data.rows
    .filter((r) => r.status === '严重滞后' || r.status === '滞后' || r.status === '未报送')
    .sort(
      (a, b) =>
        STATUSES.indexOf(b.status) - STATUSES.indexOf(a.status) || (a.completion ?? 0) - (b.completion ?? 0),
    )
    .slice(0, 12);
  const month = formatMonth(data.asOf.period);
  return (
    <Layout title={`${month}简报`} document={document} documents={documents} active="briefing">
      <article class="briefing">
        <header class="briefing-head">
          <p class="eyebrow">简报 · 截至{month}</p>
          <h1>{document.title}落实情况</h1>
          <AheadNote asOf={data.asOf} />
          <form class="filters no-print" method="get" action="/briefing">
            <label>
              月份
              <input type="month" name="asof" value={data.asOf.period.slice(0, 7)} />
            </label>
            <button type="submit">更新</button>
            <span class="hint">用浏览器“打印”即得 A4 版面。</span>
          </form>
        </header>
        {!data.hasData ? (
          <p class="empty">所选月份之前还没有报送任何数据。</p>
        ) : (
          <>
            <section>
              <h2>一、总体情况</h2>
              <p>
                全部 {data.rows.length} 个指标中，
                {STATUSES.map((s) => `${s} ${data.counts[s]} 个`).join('，')}。
              </p>
              <ul class="status-strip">
                {STATUSES.map((s) => (
                  <li class={`status-card status-${STATUS_CLASS[s]}`}>
                    <span class="status-count">{data.counts[s]}</span>
                    <span class="status-name">{s}</span>
                  </li>
                ))}
              </ul>
            </section>
            <section>
              <h2>二、主要指标</h2>
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">指标</th>
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
                    <th scope="col">状态</th>
                  </tr>
                </thead>
                <tbody>
                  {data.headline.map(({ row }) => (
                    <tr>
                      <td>{row.name}</td>
                      <td class="num">{formatTarget(row.target, row.unit, row.comparator)}</td>
                      <td class="num">{formatQuantity(row.actual, row.unit) || '—'}</td>
                      <td class="num">{formatPercent(row.completion)}</td>
                      <td class="num">{formatPercent(row.pace)}</td>
                      <td>
                        <StatusBadge status={row.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section>
              <h2>三、需要关注的指标</h2>
              {behind.length === 0 ? (
                <p>没有滞后或未报送的指标。</p>
              ) : (
                <table class="table" id="behind">
                  <thead>
                    <tr>
                      <th scope="col">指标</th>
                      <th scope="col">责任单位</th>
                      <th scope="col" class="num">
                        完成率
                      </th>
                      <th scope="col" class="num">
                        序时进度
                      </th>
                      <th scope="col">状态与预测</th>
                    </tr>
                  </thead>
                  <tbody>
                    {behind.map((row) => (
                      <tr>
                        <td>
                          第{row.task_seq}项 · {row.name}
                        </td>
                        <td>{row.departments.join('、')}</td>
                        <td class="num">{formatPercent(row.completion)}</td>
                        <td class="num">{formatPercent(row.pace)}</td>
                        <td>
                          <StatusBadge status={row.status} /> {forecastSentence(row, document.year) ?? ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section class="briefing-charts">
              <h2>四、走势</h2>
              <div class="charts-print">
                <Chart svg={statusChart(data)} />
                <Chart svg={departmentChart(data)} />
              </div>
            </section>
          </>
        )}
      </article>
    </Layout>
  );
}

function Chart({ svg }: { svg: string | null }) {
  return svg ? <figure class="chart">{raw(svg)}</figure> : null;
}
