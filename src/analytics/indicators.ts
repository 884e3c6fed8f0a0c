import { listValue } from '@duckdb/node-api';
import type { Comparator, IndicatorKind } from '../catalog/types.js';
import { BadRequestError } from '../errors.js';
import type { Store } from '../store/store.js';
import { type Status, THRESHOLDS } from './thresholds.js';

/** One indicator's state as of a month: what was reported, how complete, on pace or not, and where it is heading. */
/**
 * One indicator's state as of a month. `S` is what its status may be: always a status for the
 * province; for a region, null where it has no target of its own for a count (RegionalState).
 */
export interface IndicatorState<S extends Status | null = Status> {
  code: string;
  name: string;
  kind: IndicatorKind;
  /** The task it belongs to, or null for a goal's indicator. */
  task_seq: number | null;
  goal_no: number | null;
  target: number | null;
  /**
   * Whose target `target` is: the document's (the province), the region's own (目标分解), the
   * province's applied to a region (a rate, a level, a milestone), or none — a region's count
   * without a target of its own, which has no completion and no status.
   */
  target_from: TargetFrom;
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
  /** Null only where `target_from` is 'none' (a region's count without its own target). */
  status: S;
  forecast: number | null;
  forecast_done: string | null;
  rate_from_three_months: boolean | null;
}

export type TargetFrom = 'document' | 'regional' | 'province' | 'none';

/** A region's state: no status where it has no target of its own for a count. */
export type RegionalState = IndicatorState<Status | null>;

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

/** What a document covers: from January of its year to December of its last (a plan to 2025). */
export interface Span {
  year: number;
  last_year?: number;
}

/** Every as-of month a document covers, YYYY-MM, in order: its whole span, not only its first year. */
export function spanMonths(document: Span): string[] {
  const last = Math.max(document.year, document.last_year ?? document.year);
  return Array.from({ length: (last - document.year + 1) * 12 }, (_, i) => {
    const year = document.year + Math.floor(i / 12);
    return `${year}-${String((i % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * The default as-of month of a document: the latest month that at least half of the reporting
 * indicators have reached, with how many reported later; before any report, the current month
 * within the document's span.
 */
export async function defaultAsOf(
  store: Store,
  document: Span & { id: string },
  today = new Date(),
): Promise<{ period: string; ahead: number }> {
  // Every page without ?asof asks this; only a commit changes it.
  const row = await store.untilCommit(`latest_period|${document.id}`, () =>
    store.one<{ period: string | null; ahead: bigint | number }>('analytics/latest_period', {
      document: document.id,
    }),
  );
  if (row?.period) return { period: row.period, ahead: Number(row.ahead) };
  const months = spanMonths(document);
  const now = `${today.getUTCFullYear()}-${String(today.getUTCMonth() + 1).padStart(2, '0')}`;
  const month = now < (months[0] ?? now) ? months[0] : now > (months.at(-1) ?? now) ? months.at(-1) : now;
  return { period: monthEnd(month ?? now), ahead: 0 };
}

/** Reads ?asof=YYYY-MM and ?known=ISO into an AsOf, defaulting to the latest reported month and now. */
export async function resolveAsOf(
  store: Store,
  document: Span & { id: string },
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

/**
 * Every indicator of a document as of a month and a recording time, for the province (`codes`:
 * only those indicators).
 */
export async function indicatorStates(
  store: Store,
  documentId: string,
  asOf: AsOf,
  codes: string[] | null = null,
): Promise<IndicatorState[]> {
  const rows = (await indicatorStatesByRegion(store, documentId, asOf, ['全省'], codes)).get('全省') ?? [];
  return rows.map(judged);
}

/** The province's state always has a status (sql/macros/40_status.sql gives none only to a region). */
function judged(state: RegionalState): IndicatorState {
  const { status } = state;
  if (status === null) throw new Error(`indicator ${state.code} has no status for the province`);
  return { ...state, status };
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
): Promise<Map<string, RegionalState[]>> {
  const byRegion = new Map<string, RegionalState[]>(regions.map((r) => [r, []]));
  if (regions.length === 0) return byRegion;
  const rows = await store.all<RegionalState & { region: string }>('analytics/indicator_status', {
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
 * Whether any actual of the document is dated within a month rather than at its end: only then do
 * the status rules look a second time into the series (`within_month` in sql/macros/40_status.sql),
 * which the by-region snapshot of thousands of counties skips otherwise. Asked once per commit.
 */
export async function reportsWithinMonth(store: Store, documentId: string): Promise<boolean> {
  const row = await store.untilCommit(`within_month|${documentId}`, () =>
    store.one<{ within_month: boolean }>('analytics/within_month', { document: documentId }),
  );
  return row?.within_month ?? true;
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
