import type { Store } from '../store/store.js';
import { type AsOf, pendingParams } from './indicators.js';

/** One month of an indicator's series as the charts draw it: cumulative for counts, as reported otherwise. */
export interface SeriesPoint {
  period: string;
  value: number | null;
  /** The value for this month was revised after it was first reported. */
  revised: boolean;
}

export interface IndicatorSeries {
  actual: SeriesPoint[];
  plan: SeriesPoint[];
}

interface SeriesRow extends SeriesPoint {
  code: string;
  series: 'actual' | 'plan';
}

/** The monthly series of every indicator of a document up to the as-of month, for one region. */
export async function seriesByCode(
  store: Store,
  documentId: string,
  asOf: AsOf,
  region = '全省',
): Promise<Map<string, IndicatorSeries>> {
  const rows = await store.all<SeriesRow>('analytics/series', {
    document: documentId,
    asof: asOf.period,
    known: asOf.known.toISOString(),
    region,
    ...pendingParams(asOf),
  });
  const byCode = new Map<string, IndicatorSeries>();
  for (const r of rows) {
    const entry = byCode.get(r.code) ?? { actual: [], plan: [] };
    entry[r.series].push({ period: r.period, value: r.value, revised: r.revised });
    byCode.set(r.code, entry);
  }
  return byCode;
}

export const NO_SERIES: IndicatorSeries = { actual: [], plan: [] };
