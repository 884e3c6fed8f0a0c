import { listValue } from '@duckdb/node-api';
import { listCorrections } from '../catalog/corrections.js';
import {
  type DocumentTree,
  findIndicator,
  findTask,
  listDocuments,
  readDocumentTree,
} from '../catalog/read.js';
import { listRegions } from '../catalog/regions.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../store/store.js';
import { type IndicatorRow, indicatorRows } from './dashboard.js';
import { editionChain } from './editions.js';
import { indicatorHistory, type LatestRow, latestByRegion } from './history.js';
import { type AsOf, forecastSentence, monthEnd, resolveAsOf, spanMonths } from './indicators.js';
import { type IndicatorSeries, NO_SERIES, seriesByCode } from './series.js';

export interface IndicatorAnalysis {
  asOf: AsOf;
  year: number;
  state: IndicatorRow | undefined;
  series: IndicatorSeries;
  forecast: string | null;
  /** The latest value of each prefecture (or county, where no prefecture reported), for the regions chart. */
  regional: { region: string; value: number }[];
  /**
   * Where the province and its prefectures both reported the same latest period: the provincial
   * figure, the prefectures' sum and the gap. Shown, never hidden.
   */
  regionCheck: { period: string; province: number; sum: number; gap: number } | null;
  /** The target in force at each month end of the document's span, as known then: a step where it was revised. */
  targets: { period: string; target: number | null }[];
  /** 目标分解 in force at the as-of month: each region's own target and what set it. */
  regionalTargets: RegionalTarget[];
}

export interface RegionalTarget {
  region: string;
  target: number;
  /** An administrator's revision (its id), or an upload's 类型 = 目标 row (the upload's id). */
  source: 'revision' | 'upload';
  source_id: number;
}

/** The figures of one indicator's page (its charts are drawn from them by the view). */
export async function analyse(
  store: Store,
  tree: DocumentTree,
  asOf: AsOf,
  indicator: { code: string; kind: string },
  latest: LatestRow[],
): Promise<IndicatorAnalysis> {
  const year = tree.document.year;
  const state = (await indicatorRows(store, tree, asOf)).find((r) => r.code === indicator.code);
  const targets = await store.all<{ period: string; target: number | null }>('analytics/target_by_month', {
    document: tree.document.id,
    code: indicator.code,
    known: asOf.known.toISOString(),
    // Every month the document covers: a plan to 2025 draws its target over the five years.
    asofs: listValue(spanMonths(tree.document).map(monthEnd)),
  });
  const regionalTargets = await store.all<RegionalTarget>('analytics/regional_targets', {
    document: tree.document.id,
    code: indicator.code,
    known: asOf.known.toISOString(),
    asof: asOf.period,
  });
  const series = (await seriesByCode(store, tree.document.id, asOf)).get(indicator.code) ?? NO_SERIES;
  const regional = belowProvince(latest)
    .filter((l): l is LatestRow & { value: number } => l.value !== null)
    .map((l) => ({ region: l.region, value: l.value, period: l.period }));
  const province = latest.find((l) => l.region === '全省');
  const samePeriod = regional.filter((r) => province && r.period === province.period);
  const sum = samePeriod.reduce((n, r) => n + r.value, 0);
  const regionCheck =
    province?.value != null && samePeriod.length > 0 && indicator.kind === 'count'
      ? { period: province.period, province: province.value, sum, gap: province.value - sum }
      : null;
  return {
    asOf,
    year,
    state,
    series,
    forecast: state ? forecastSentence(state, year) : null,
    regional: regional.map(({ region, value }) => ({ region, value })),
    regionCheck,
    targets,
    regionalTargets,
  };
}

/**
 * The level right below the province: the prefectures, or the counties where no prefecture
 * reported. Counties lie inside prefectures, so adding both would count them twice; and a chart of
 * every county (3,600 bars, 1.3 MB, at national scale) is one nobody can read — the page names
 * how many counties reported, and the JSON history holds them.
 */
function belowProvince(latest: LatestRow[]): LatestRow[] {
  const prefectures = latest.filter((l) => l.level === 'prefecture');
  return prefectures.length > 0 ? prefectures : latest.filter((l) => l.level === 'county');
}

/** The reference lists the indicator page needs besides its figures. */
export async function indicatorPageData(
  store: Store,
  code: string,
  query: {
    asof?: string | undefined;
    known?: string | undefined;
    pending?: boolean;
    pendingScope?: string[] | null;
  },
) {
  const indicator = await findIndicator(store, code);
  const documents = await listDocuments(store);
  const document = documents.find((d) => d.id === indicator.document_id);
  if (!document) throw new NotFoundError(`指标 ${code} 所属的文件已不存在`);
  const tree = await readDocumentTree(store, document);
  const task = indicator.task_seq === null ? null : findTask(tree, indicator.task_seq).task;
  const goal = tree.goals.find((g) => g.no === indicator.goal_no) ?? null;
  const asOf = await resolveAsOf(store, document, query.asof, query.known, query.pending, query.pendingScope);
  const latest = await latestByRegion(store, indicator, asOf);
  return {
    analysis: await analyse(store, tree, asOf, indicator, latest),
    document,
    documents,
    indicator,
    task,
    goal,
    latest: latest.filter((l) => l.level !== 'county'),
    counties: latest.filter((l) => l.level === 'county').length,
    history: await indicatorHistory(store, indicator, { newest: HISTORY_ON_PAGE }),
    regions: await listRegions(store),
    corrections: await listCorrections(store, code),
    /** The same indicator in earlier editions, newest first (历年对比). */
    editions: await editionChain(store, document, documents, code, asOf.known),
  };
}

/** The page lists the newest values; the whole history is one click away as JSON. */
const HISTORY_ON_PAGE = 200;
