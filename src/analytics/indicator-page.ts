import type { DocumentTree } from '../catalog/read.js';
import { progressChart, regionBars } from '../charts/indicator.js';
import type { LatestRow } from '../ingest/uploads.js';
import type { Store } from '../store/store.js';
import { type IndicatorRow, indicatorRows } from './dashboard.js';
import { type AsOf, forecastSentence } from './indicators.js';
import { seriesByCode } from './overview.js';

export interface IndicatorAnalysis {
  asOf: AsOf;
  state: IndicatorRow | undefined;
  chart: string;
  forecast: string | null;
  regionChart: string | null;
  /**
   * Where the province and its prefectures both reported the same latest period: the provincial
   * figure, the prefectures' sum and the gap. Shown, never hidden.
   */
  regionCheck: { period: string; province: number; sum: number; gap: number } | null;
}

/** The figures and charts of one indicator's page. */
export async function analyse(
  store: Store,
  tree: DocumentTree,
  asOf: AsOf,
  indicator: {
    code: string;
    name: string;
    unit: string | null;
    target: number | null;
    deadline: string;
    kind: string;
  },
  latest: LatestRow[],
): Promise<IndicatorAnalysis> {
  const year = tree.document.year;
  const state = (await indicatorRows(store, tree, asOf)).find((r) => r.code === indicator.code);
  const series = (await seriesByCode(store, tree.document.id, asOf)).get(indicator.code) ?? {
    actual: [],
    plan: [],
  };
  const chart = progressChart(series.actual, {
    title: `${indicator.name}：累计完成与序时进度`,
    unit: indicator.unit,
    target: indicator.target,
    year,
    deadline: indicator.deadline,
    plan: series.plan,
    forecast: state?.forecast ?? null,
  });
  const regional = latest.filter((l) => l.region !== '全省' && l.value !== null) as (LatestRow & {
    value: number;
  })[];
  const province = latest.find((l) => l.region === '全省');
  const samePeriod = regional.filter((r) => province && r.period === province.period);
  const regionCheck =
    province?.value != null && samePeriod.length > 0 && indicator.kind === 'count'
      ? (() => {
          const sum = samePeriod.reduce((n, r) => n + r.value, 0);
          return { period: province.period, province: province.value, sum, gap: province.value - sum };
        })()
      : null;
  return {
    asOf,
    state,
    chart,
    forecast: state ? forecastSentence(state, year) : null,
    regionChart: regional.length
      ? regionBars(
          regional.map((r) => ({ region: r.region, value: r.value })),
          { title: '各地区最新值', unit: indicator.unit },
        )
      : null,
    regionCheck,
  };
}

/**
 * The chart's own <svg> from a rendered Plot figure, for download: a figure may also hold a title
 * and legend swatches (small svgs of their own), so the widest <svg>…</svg> is the chart.
 */
export function svgOnly(html: string): string {
  let best = '';
  for (let start = html.indexOf('<svg'); start >= 0; start = html.indexOf('<svg', start + 1)) {
    const end = html.indexOf('</svg>', start);
    if (end < 0) break;
    const candidate = html.slice(start, end + '</svg>'.length);
    if (candidate.length > best.length) best = candidate;
  }
  return best || html;
}
