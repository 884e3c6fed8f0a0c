import type { Store } from '../store/store.js';
import { type AsOf, pendingParams } from './indicators.js';

/** One value ever reported for an indicator, with when it was recorded and when it stopped counting. */
export interface HistoryRow {
  period: string;
  region: string;
  series: 'actual' | 'plan';
  value: number | null;
  basis: 'cumulative' | 'increment';
  milestone_status: string | null;
  note: string | null;
  upload_id: number;
  line: number | null;
  recorded_at: Date;
  /** When the value's upload was withdrawn, if it was. */
  withdrawn_at: Date | null;
  /** When the value stopped counting (a later value, withdrawal or rejection); null while it counts. */
  superseded_at: Date | null;
  /** Its upload needed approval (审核) before it counted. */
  needs_approval: boolean;
  /** The decision on that upload, null while it waits (or when none was needed). */
  review: 'approved' | 'rejected' | null;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  review_reason: string | null;
  /** From when it counted (its recording, or its upload's approval); null if it never has. */
  counts_from: Date | null;
}

/** The latest value that counts now in one region. */
export interface LatestRow {
  region: string;
  level: 'province' | 'prefecture' | 'county';
  period: string;
  value: number | null;
  milestone_status: string | null;
  note: string | null;
  upload_id: number;
  recorded_at: Date;
}

type IndicatorRef = { code: string; document_id: string };

/**
 * The latest value that counts now, per region (province first, then in the region table's order);
 * `pending`: values waiting for approval count too (of `pendingScope`'s departments, or all).
 */
export const latestByRegion = (
  store: Store,
  indicator: IndicatorRef,
  pending: Pick<AsOf, 'pending' | 'pendingScope'> = {},
) =>
  store.all<LatestRow>('actuals/latest_by_region', {
    code: indicator.code,
    document: indicator.document_id,
    ...pendingParams(pending),
  });

/** Every value ever reported for an indicator (or the `newest` of them), with recorded_at and superseded_at (null while it counts). */
export const indicatorHistory = (
  store: Store,
  indicator: IndicatorRef,
  { newest }: { newest?: number } = {},
) =>
  store.all<HistoryRow>('actuals/history', {
    code: indicator.code,
    document: indicator.document_id,
    newest: newest ?? null,
  });
