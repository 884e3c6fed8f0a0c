import { raw } from 'hono/html';
import { REGION_RULE, type RegionFigures, type RegionView } from '../src/analytics/regions.js';
import type { DocumentRow } from '../src/catalog/read.js';
import { regionsChart } from './charts/figures.js';
import { RollupTable } from './components/rollup-table.js';
import { StatusBadge } from './components/status.js';
import { formatMonth, formatNumber, formatPercent } from './format.js';
import { Layout } from './layout.js';

/** Regions compared: status counts and completion per region, and regional figures against the province. */
export function RegionsPage({
  document,
  documents,
  view,
  asof,
}: {
  document: DocumentRow;
  documents: DocumentRow[];
  view: RegionView;
  asof: string;
}) {
  const chart = regionsChart(view);
  return (
    <Layout title="地区" document={document} documents={documents} active="regions">
      <section class="hero hero-small">
        <h1>各地区完成情况</h1>
        <p class="lede">
          截至{formatMonth(asof)}。{REGION_RULE}
        </p>
        <nav class="breadcrumb" aria-label="地区层级">
          {[...view.trail, view.parent].map((name, i, all) =>
            i === all.length - 1 ? (
              <strong>{name}</strong>
            ) : (
              <>
                <a href={regionHref(name, asof)}>{name}</a>
                {' › '}
              </>
            ),
          )}
        </nav>
        <form class="filters no-print" method="get" action="/regions">
          <input type="hidden" name="parent" value={view.parent} />
          <label>
            月份
            <input type="month" name="asof" value={asof.slice(0, 7)} />
          </label>
          <button type="submit">更新</button>
        </form>
      </section>
      {view.regions.length === 0 ? (
        <p class="empty">
          {view.parent === '全省'
            ? '还没有分地区报送的数据。上传文件时加一列“地区”（如 长春市、延边州），即可在这里比较各地区。'
            : `${view.parent}下辖的地区还没有报送数据。上传时在“地区”列写明县（市、区），即可在这里比较。`}
        </p>
      ) : (
        <>
          {chart && <figure class="chart">{raw(chart)}</figure>}
          <section class="panel">
            <h2>各地区指标状态</h2>
            <div class="table-scroll">
              <RollupTable
                title="地区"
                rows={view.rollups}
                id="region-rollup"
                compact={false}
                label={(r) =>
                  view.children[r.key] ? (
                    <a href={regionHref(r.key, asof)}>
                      {r.label}（下辖 {view.children[r.key]} 个地区）
                    </a>
                  ) : (
                    r.label
                  )
                }
              />
            </div>
          </section>
          <section class="panel">
            <h2>分地区报送的指标</h2>
            <div class="table-scroll">
              <table class="table compact" id="region-compare">
                <thead>
                  <tr>
                    <th scope="col">指标</th>
                    <th scope="col" class="num">
                      {view.parent}
                    </th>
                    {view.regions.map((r) => (
                      <th scope="col" class="num">
                        {view.children[r] ? <a href={regionHref(r, asof)}>{r}</a> : r}
                      </th>
                    ))}
                    <th scope="col" class="num">
                      各地区合计
                    </th>
                    <th scope="col" class="num">
                      差额
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {view.comparisons.map((c) => (
                    <tr class={c.gap ? 'gap-row' : ''}>
                      <th scope="row">
                        <a href={`/indicators/${encodeURIComponent(c.code)}?asof=${asof.slice(0, 7)}`}>
                          {c.name}
                        </a>
                        {c.targetSum !== null && (
                          <span
                            class={`cell-note${c.target !== null && c.targetSum > c.target ? ' gap-warning' : ''}`}
                          >
                            分解目标合计 {formatNumber(c.targetSum)}
                            {c.target === null ? '' : `／${view.parent}目标 ${formatNumber(c.target)}`}
                          </span>
                        )}
                      </th>
                      <td class="num">{c.province === null ? '—' : formatNumber(c.province)}</td>
                      {view.regions.map((r) => (
                        <td class="num">
                          {c.values[r] == null ? '—' : formatNumber(c.values[r] as number)}
                          <RegionNote figures={c.regional[r]} parent={view.parent} />
                        </td>
                      ))}
                      <td class="num">{formatNumber(c.sum)}</td>
                      <td class="num">
                        {c.gap === null ? (
                          '—'
                        ) : c.gap === 0 ? (
                          '一致'
                        ) : (
                          <span class="gap-warning">{formatNumber(c.gap)}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </Layout>
  );
}

/**
 * Under a region's figure: against its own target, completion and status; without one, its share
 * of the parent's figure and no status (a city's part of the province's total is not its progress).
 */
function RegionNote({ figures, parent }: { figures: RegionFigures | undefined; parent: string }) {
  if (!figures) return null;
  if (figures.target !== null)
    return (
      <span class="cell-note">
        目标 {formatNumber(figures.target)} · {formatPercent(figures.completion)}
        {figures.status && (
          <>
            {' '}
            <StatusBadge status={figures.status} />
          </>
        )}
      </span>
    );
  return figures.share === null ? null : (
    <span class="cell-note" title="该地区未分解目标，不判断状态">
      占{parent} {formatPercent(figures.share)}
    </span>
  );
}

/** The regions page one level down, for the same month. */
const regionHref = (name: string, asof: string) =>
  `/regions?parent=${encodeURIComponent(name)}&asof=${asof.slice(0, 7)}`;
