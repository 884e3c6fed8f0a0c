/**
 * The app's charts, each drawn from the data a page already has (analytics returns data; the view
 * draws it), so a page and its "下载 SVG" link draw the very same figure.
 */
import type { IndicatorAnalysis } from '../../src/analytics/indicator-page.js';
import type { OverviewData } from '../../src/analytics/overview.js';
import type { RegionView } from '../../src/analytics/regions.js';
import { progressChart, regionBars } from './indicator.js';
import { completionBars, statusOverTime } from './overview.js';

/** Indicators in each status at each month end; null before anything is reported. */
export function statusChart(data: OverviewData): string | null {
  return data.statusHistory.length ? statusOverTime(data.statusHistory) : null;
}

/** Each department's mean completion, highest first; null before anything is reported. */
export function departmentChart(data: OverviewData): string | null {
  if (!data.hasData) return null;
  const rows = [...data.departments].sort((a, b) => (b.meanCompletion ?? -1) - (a.meanCompletion ?? -1));
  return completionBars(rows, '各责任单位平均完成率');
}

/** The regions' mean completion; null when no region has a rated indicator. */
export function regionsChart(view: RegionView): string | null {
  return view.rollups.some((r) => r.meanCompletion !== null)
    ? completionBars(view.rollups, '各地区平均完成率')
    : null;
}

interface ChartIndicator {
  name: string;
  unit: string | null;
  target: number | null;
  deadline: string;
  /** 'annual' (每年): the chart is of the as-of year, which starts at zero. */
  recurrence?: string | null;
}

/**
 * One indicator's cumulative actual against pace and target, with the forecast: over the years to
 * its deadline for a plan to 2025, over the as-of year for an annual target.
 */
export function indicatorChart(analysis: IndicatorAnalysis, indicator: ChartIndicator): string {
  // The state's deadline is the as-of year's end for an annual target (sql/macros/40_status.sql).
  const deadline = analysis.state?.deadline ?? indicator.deadline;
  const annual = indicator.recurrence === 'annual';
  return progressChart(analysis.series.actual, {
    title: `${indicator.name}：累计完成与序时进度${annual ? `（${deadline.slice(0, 4)}年）` : ''}`,
    unit: indicator.unit,
    target: indicator.target,
    year: annual ? Number(deadline.slice(0, 4)) : analysis.year,
    deadline,
    plan: analysis.series.plan,
    forecast: analysis.state?.forecast ?? null,
    targets: analysis.targets,
  });
}

/**
 * The most bars the regions chart draws: a province's prefectures fit (Jilin has 9), a list of
 * every county where only counties reported does not (3,000 at national scale) — the page's table
 * and the JSON history hold them.
 */
export const REGION_BARS_MAX = 40;

/** The latest value of each region; null when no region has reported, or too many to draw. */
export function indicatorRegionChart(analysis: IndicatorAnalysis, indicator: ChartIndicator): string | null {
  const rows = analysis.regional;
  return rows.length > 0 && rows.length <= REGION_BARS_MAX
    ? regionBars(rows, { title: '各地区最新值', unit: indicator.unit })
    : null;
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
