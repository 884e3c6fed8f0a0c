import type { DocumentTree } from '../catalog/read.js';
import { type SeriesPoint, sparkline } from '../charts/indicator.js';
import {
  completionBars,
  completionSmallMultiple,
  type StatusCount,
  statusOverTime,
} from '../charts/overview.js';
import type { Store } from '../store/store.js';
import { type IndicatorRow, indicatorRows, lag, type Rollup, rollup } from './dashboard.js';
import { type AsOf, indicatorStates, monthEnd } from './indicators.js';
import { STATUSES, type Status } from './thresholds.js';

export interface OverviewFilter {
  department?: string | undefined;
  part?: number | undefined;
  status?: Status | undefined;
}

export interface SmallMultiple {
  row: IndicatorRow;
  svg: string;
}

/** Everything the overview dashboard shows for one as-of month: figures, charts, roll-ups. */
export interface OverviewData {
  asOf: AsOf;
  rows: IndicatorRow[];
  /** The rows left by the filter (department, part, status). */
  shown: IndicatorRow[];
  counts: Record<Status, number>;
  headline: { row: IndicatorRow; svg: string }[];
  multiples: SmallMultiple[];
  statusChart: string | null;
  /** The numbers behind the status chart: indicators in each status at each month end. */
  statusHistory: StatusCount[];
  departments: Rollup[];
  departmentChart: string | null;
  parts: Rollup[];
  sections: Rollup[];
  /** Months of the year that have any report, for the as-of selector. */
  hasData: boolean;
}

interface SeriesRow extends SeriesPoint {
  code: string;
  series: 'actual' | 'plan';
  milestone_status: string | null;
}

/** Reads the monthly series of every indicator (as the charts draw it). */
export async function seriesByCode(store: Store, documentId: string, asOf: AsOf, region = '全省') {
  const rows = await store.all<SeriesRow>('analytics/series', {
    document: documentId,
    asof: asOf.period,
    known: asOf.known.toISOString(),
    region,
  });
  const byCode = new Map<string, { actual: SeriesPoint[]; plan: SeriesPoint[] }>();
  for (const r of rows) {
    const entry = byCode.get(r.code) ?? { actual: [], plan: [] };
    entry[r.series].push({ period: r.period, value: r.value, revised: r.revised });
    byCode.set(r.code, entry);
  }
  return byCode;
}

/** Status counts at every month end from January to the as-of month. */
async function statusHistory(
  store: Store,
  tree: DocumentTree,
  asOf: AsOf,
  codes: Set<string>,
): Promise<StatusCount[]> {
  const year = tree.document.year;
  const last = Number(asOf.period.slice(0, 4)) > year ? 12 : Number(asOf.period.slice(5, 7));
  const counts: StatusCount[] = [];
  for (let month = 1; month <= last; month++) {
    const period = monthEnd(`${year}-${month}`);
    const states = await indicatorStates(store, tree.document.id, { period, known: asOf.known });
    for (const status of STATUSES) {
      counts.push({
        period,
        status,
        count: states.filter((s) => codes.has(s.code) && s.status === status).length,
      });
    }
  }
  return counts;
}

export function countStatuses(rows: IndicatorRow[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const r of rows) counts[r.status] += 1;
  return counts;
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
  const shown = rows.filter(
    (r) =>
      (!filter.department || r.departments.includes(filter.department)) &&
      (!filter.part || r.part === filter.part) &&
      (!filter.status || r.status === filter.status),
  );
  const series = await seriesByCode(store, tree.document.id, asOf);
  const headlineCodes = (
    await store.one<{ headline: string[] | null }>('catalog/headline', { id: tree.document.id })
  )?.headline;
  const numeric = (r: IndicatorRow) => r.kind !== 'milestone';
  const headlineRows = headlineCodes?.length
    ? headlineCodes
        .map((code) => rows.find((r) => r.code === code))
        .filter((r): r is IndicatorRow => r !== undefined)
    : rows.filter(numeric).slice(0, 6);
  const headline = headlineRows.map((row) => ({
    row,
    svg: sparkline(series.get(row.code)?.actual ?? [], { target: row.target, year }),
  }));
  const multiples = shown
    .filter((r) => numeric(r) && r.target)
    .sort((a, b) => lag(b) - lag(a))
    .map((row) => ({
      row,
      svg: completionSmallMultiple(
        (series.get(row.code)?.actual ?? [])
          .filter((p) => p.value !== null)
          .map((p) => ({ period: p.period, completion: (p.value as number) / (row.target as number) })),
        { title: row.name, year, deadline: row.deadline, status: row.status },
      ),
    }));
  const hasData = series.size > 0;
  const history = hasData ? await statusHistory(store, tree, asOf, new Set(shown.map((r) => r.code))) : [];
  const departments = rollup(shown, (r) => r.departments.map((d) => ({ key: d, label: d })));
  const parts = rollup(shown, (r) => [
    { key: String(r.part), label: tree.parts.find((p) => p.no === r.part)?.title ?? '' },
  ]);
  const sectionTitles = new Map(tree.parts.flatMap((p) => p.sections.map((s) => [s.no, s.title] as const)));
  const sections = rollup(shown, (r) => [
    { key: String(r.section), label: sectionTitles.get(r.section) ?? '' },
  ]);
  return {
    asOf,
    rows,
    shown,
    counts: countStatuses(shown),
    headline,
    multiples,
    statusChart: history.length ? statusOverTime(history) : null,
    statusHistory: history,
    departments,
    departmentChart: hasData
      ? completionBars(
          [...departments].sort((a, b) => (b.meanCompletion ?? -1) - (a.meanCompletion ?? -1)),
          '各责任单位平均完成率',
        )
      : null,
    parts,
    sections,
    hasData,
  };
}
