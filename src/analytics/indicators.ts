import { listValue } from '@duckdb/node-api';
import type { Comparator, IndicatorKind } from '../catalog/types.js';
import { BadRequestError } from '../errors.js';
import type { Store } from '../store/store.js';
import { type Status, THRESHOLDS } from './thresholds.js';

/** One indicator's state as of a month: what was reported, how complete, on pace or not, and where it is heading. */
export interface IndicatorState {
  code: string;
  name: string;
  kind: IndicatorKind;
  /** The task it belongs to, or null for a goal's indicator. */
  task_seq: number | null;
  goal_no: number | null;
  target: number | null;
  unit: string | null;
  comparator: Comparator;
  deadline: string;
  /** Cumulative for counts; the latest value for levels and coverages. */
  actual: number | null;
  last_period: string | null;
  milestone_status: string | null;
  done_period: string | null;
  completion: number | null;
  pace: number;
  pace_from_plan: boolean;
  status: Status;
  forecast: number | null;
  forecast_done: string | null;
  rate_from_three_months: boolean | null;
}

export interface AsOf {
  /** Month end, YYYY-MM-DD. */
  period: string;
  /** Recording time: what was known then (defaults to now). */
  known: Date;
  /**
   * When the month was chosen by default: how many indicators have reported months after it
   * (a few running ahead do not move the default; see sql/queries/analytics/latest_period.sql).
   */
  ahead?: number;
  /**
   * Also count the values of uploads still waiting for approval (含待审核数据); official figures
   * (the default) never do.
   */
  pending?: boolean;
  /**
   * With `pending`: only the waiting values of these departments' indicators (a reporter's own);
   * absent for administrators and reporters for all departments, who see every waiting value.
   */
  pendingScope?: string[];
}

/** The SQL parameters of the 含待审核数据 view: `pending` and `pending_scope` (NULL: all). */
export function pendingParams(asOf: Pick<AsOf, 'pending' | 'pendingScope'>) {
  return {
    pending: asOf.pending ?? false,
    pending_scope: asOf.pending && asOf.pendingScope ? listValue(asOf.pendingScope) : null,
  };
}

/** A month or a recording time that cannot be read: 400 with the form it should take. */
export class AsOfError extends BadRequestError {}

/** '2021-10' → '2021-10-31'; throws AsOfError with a Chinese message on anything else. */
export function monthEnd(month: string): string {
  const m = /^(\d{4})-(\d{1,2})$/.exec(month.trim());
  const year = Number(m?.[1]);
  const mon = Number(m?.[2]);
  if (!m || mon < 1 || mon > 12 || year < 2000 || year > 2100) {
    throw new AsOfError(`统计月份“${month}”无效，应写成 YYYY-MM，如 2021-10`);
  }
  const day = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return `${year}-${String(mon).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An ISO timestamp for "as known at"; throws AsOfError when it is not one. */
export function knownAt(raw: string | undefined): Date {
  if (raw === undefined || raw === '') return new Date();
  const at = new Date(raw);
  if (Number.isNaN(at.getTime()))
    throw new AsOfError(`记录时间“${raw}”无效，应为 ISO 时间，如 2021-07-05T12:00:00+08:00`);
  return at;
}

/**
 * The default as-of month of a document: the latest month that at least half of the reporting
 * indicators have reached, with how many reported later; before any report, the current month
 * within the document's year.
 */
export async function defaultAsOf(
  store: Store,
  document: { id: string; year: number },
  today = new Date(),
): Promise<{ period: string; ahead: number }> {
  const row = await store.one<{ period: string | null; ahead: bigint | number }>('analytics/latest_period', {
    document: document.id,
  });
  if (row?.period) return { period: row.period, ahead: Number(row.ahead) };
  const year = document.year;
  const month =
    today.getUTCFullYear() > year ? 12 : today.getUTCFullYear() < year ? 1 : today.getUTCMonth() + 1;
  return { period: monthEnd(`${year}-${month}`), ahead: 0 };
}

/** Reads ?asof=YYYY-MM and ?known=ISO into an AsOf, defaulting to the latest reported month and now. */
export async function resolveAsOf(
  store: Store,
  document: { id: string; year: number },
  asof: string | undefined,
  known: string | undefined,
  pending = false,
  pendingScope: string[] | null = null,
): Promise<AsOf> {
  const base = {
    known: knownAt(known),
    ...(pending ? { pending } : {}),
    ...(pending && pendingScope ? { pendingScope } : {}),
  };
  if (asof) return { period: monthEnd(asof), ...base };
  return { ...(await defaultAsOf(store, document)), ...base };
}

/** Every indicator of a document as of a month and a recording time, for a region (全省 by default). */
export async function indicatorStates(
  store: Store,
  documentId: string,
  asOf: AsOf,
  region = '全省',
): Promise<IndicatorState[]> {
  return (await indicatorStatesByRegion(store, documentId, asOf, [region])).get(region) ?? [];
}

/**
 * The states of every indicator for each of `regions`, in one query however many regions; `codes`
 * keeps only those indicators (the same states, without computing the document's others).
 */
export async function indicatorStatesByRegion(
  store: Store,
  documentId: string,
  asOf: AsOf,
  regions: string[],
  codes: string[] | null = null,
): Promise<Map<string, IndicatorState[]>> {
  const byRegion = new Map<string, IndicatorState[]>(regions.map((r) => [r, []]));
  if (regions.length === 0) return byRegion;
  const rows = await store.all<IndicatorState & { region: string }>('analytics/indicator_status', {
    document: documentId,
    asof: asOf.period,
    known: asOf.known.toISOString(),
    regions: listValue(regions),
    behind: THRESHOLDS.behind,
    far_behind: THRESHOLDS.farBehind,
    stale_months: THRESHOLDS.staleMonths,
    codes: codes === null ? null : listValue(codes),
    ...pendingParams(asOf),
  });
  for (const { region, ...state } of rows) byRegion.get(region)?.push(state);
  return byRegion;
}

/**
 * How many of the indicators `codes` were in each status at each of the month ends `periods`, for
 * the province: the status-over-time chart, in one query however many months.
 */
export async function statusCounts(
  store: Store,
  documentId: string,
  known: Date,
  periods: string[],
  codes: string[],
  pending: Pick<AsOf, 'pending' | 'pendingScope'> = {},
): Promise<{ period: string; status: Status; count: number }[]> {
  if (periods.length === 0 || codes.length === 0) return [];
  return store.all('analytics/status_history', {
    document: documentId,
    known: known.toISOString(),
    asofs: listValue(periods),
    codes: listValue(codes),
    behind: THRESHOLDS.behind,
    far_behind: THRESHOLDS.farBehind,
    stale_months: THRESHOLDS.staleMonths,
    ...pendingParams(pending),
  });
}

/** "按近三个月进度，预计11月完成" — the forecast as a sentence, or null when there is nothing to say. */
export function forecastSentence(state: IndicatorState, year: number): string | null {
  if (state.kind !== 'count' || state.actual === null || state.target === null) return null;
  if (state.status === '已完成') return null;
  const basis = state.rate_from_three_months ? '按近三个月进度' : '按年初以来进度';
  if (state.forecast_done) {
    const [y, m] = state.forecast_done.split('-').map(Number);
    if (state.forecast_done <= state.deadline) return `${basis}，预计${y === year ? '' : `${y}年`}${m}月完成`;
    return `${basis}，预计${y === year ? '' : `${y}年`}${m}月完成，晚于完成时限`;
  }
  if (state.forecast !== null && state.target > 0) {
    return `${basis}，到完成时限预计只能完成目标的 ${Math.round((state.forecast / state.target) * 100)}%`;
  }
  return null;
}
