import type { DocumentTree } from '../catalog/read.js';
import { headlineCodes } from '../catalog/read.js';
import type { Store } from '../store/store.js';
import type { VersionCache } from '../store/version-cache.js';
import { type IndicatorRow, indicatorRows, lag, type RegionalRow, type Rollup, rollup } from './dashboard.js';
import { type AsOf, monthEnd, type Span, spanMonths, statusCounts } from './indicators.js';
import { type IndicatorSeries, NO_SERIES, type SeriesPoint, seriesByCode } from './series.js';
import { STATUSES, type Status } from './thresholds.js';

export interface OverviewFilter {
  department?: string | undefined;
  part?: number | undefined;
  /** Any of these statuses (滞后 and 严重滞后 together, say); empty or absent for all. */
  statuses?: Status[] | undefined;
  /** 'numeric': indicators with a quantitative target; 'milestone': those tracked as done / not done. */
  kind?: 'numeric' | 'milestone' | undefined;
}

/** Completion of one indicator at a month end, for the small multiples. */
export interface CompletionPoint {
  period: string;
  completion: number;
}

/** How many indicators were in a status at a month end. */
export interface StatusCount {
  period: string;
  status: Status;
  count: number;
}

/** Everything the overview dashboard shows for one as-of month: figures, series, roll-ups. */
export interface OverviewData {
  asOf: AsOf;
  year: number;
  rows: IndicatorRow[];
  /** The rows left by the filter (department, part, status, kind). */
  shown: IndicatorRow[];
  counts: Record<Status, number>;
  headline: { row: IndicatorRow; series: SeriesPoint[] }[];
  /** The numeric indicators shown, most behind pace first, with their completion month by month. */
  multiples: { row: IndicatorRow; points: CompletionPoint[] }[];
  /** Indicators in each status at every month end from January to the as-of month. */
  statusHistory: StatusCount[];
  departments: Rollup[];
  parts: Rollup[];
  sections: Rollup[];
  /** Whether anything has been reported yet. */
  hasData: boolean;
}

/** Whether an indicator passes the overview's filter. */
export function matchesFilter(row: RegionalRow, filter: OverviewFilter): boolean {
  return (
    (!filter.department || row.departments.includes(filter.department)) &&
    (!filter.part || row.part === filter.part) &&
    (!filter.statuses?.length || (row.status !== null && filter.statuses.includes(row.status))) &&
    (!filter.kind || (row.kind === 'milestone') === (filter.kind === 'milestone'))
  );
}

export function countStatuses(rows: IndicatorRow[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const r of rows) counts[r.status] += 1;
  return counts;
}

/** The month ends from January of the document's year to the as-of month, within its span. */
function monthsTo(document: Span, asOf: AsOf): string[] {
  return spanMonths(document)
    .filter((m) => m <= asOf.period.slice(0, 7))
    .map(monthEnd);
}

/** Builds the overview for a document, as of a month, filtered as the user asked. */
export async function buildOverview(
  store: Store,
  tree: DocumentTree,
  asOf: AsOf,
  filter: OverviewFilter,
): Promise<OverviewData> {
  const year = tree.document.year;
  const rows = await indicatorRows(store, tree, asOf);
  const shown = rows.filter((r) => matchesFilter(r, filter));
  const series = await seriesByCode(store, tree.document.id, asOf);
  const seriesOf = (code: string): IndicatorSeries => series.get(code) ?? NO_SERIES;
  const numeric = (r: IndicatorRow) => r.kind !== 'milestone';
  const chosen = await headlineCodes(store, tree.document.id);
  const headlineRows = chosen.length
    ? chosen
        .map((code) => shown.find((r) => r.code === code))
        .filter((r): r is IndicatorRow => r !== undefined)
    : shown.filter(numeric).slice(0, 6);
  const multiples = shown
    .filter((r) => numeric(r) && r.target)
    .sort((a, b) => lag(b) - lag(a))
    .map((row) => ({
      row,
      points: seriesOf(row.code)
        .actual.filter((p) => p.value !== null)
        .map((p) => ({ period: p.period, completion: (p.value as number) / (row.target as number) })),
    }));
  const hasData = series.size > 0;
  const months = hasData ? monthsTo(tree.document, asOf) : [];
  const counted = await statusCounts(
    store,
    tree.document.id,
    asOf.known,
    months,
    shown.map((r) => r.code),
    asOf,
  );
  const count = new Map(counted.map((c) => [`${c.period}|${c.status}`, c.count]));
  // Every month and status, zeros included: the chart's table has a cell for each.
  const statusHistory = months.flatMap((period) =>
    STATUSES.map((status) => ({ period, status, count: count.get(`${period}|${status}`) ?? 0 })),
  );
  const sectionTitles = new Map(tree.parts.flatMap((p) => p.sections.map((s) => [s.no, s.title] as const)));
  return {
    asOf,
    year,
    rows,
    shown,
    counts: countStatuses(shown),
    headline: headlineRows.map((row) => ({ row, series: seriesOf(row.code).actual })),
    multiples,
    statusHistory,
    departments: rollup(shown, (r) => r.departments.map((d) => ({ key: d, label: d }))),
    parts: rollup(shown, (r) => [
      { key: String(r.part), label: tree.parts.find((p) => p.no === r.part)?.title ?? '' },
    ]),
    sections: rollup(shown, (r) => [{ key: String(r.section), label: sectionTitles.get(r.section) ?? '' }]),
    hasData,
  };
}

/** The overview of a view, computed once per data version and shared by the page, its charts and the briefing. */
export async function cachedOverview(
  store: Store,
  cache: VersionCache,
  view: { tree: DocumentTree; asOf: AsOf; known: string | null; filter: OverviewFilter },
): Promise<OverviewData> {
  const key = JSON.stringify([
    'overview',
    view.tree.document.id,
    view.asOf.period,
    view.known ?? '',
    view.asOf.pending ?? false,
    view.asOf.pendingScope ?? null,
    view.filter,
  ]);
  return (await cache.get(key, () => buildOverview(store, view.tree, view.asOf, view.filter))).value;
}
