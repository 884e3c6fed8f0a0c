import type { IndicatorRow } from '../analytics/dashboard.js';
import { indicatorRowsByRegion } from '../analytics/dashboard.js';
import type { AsOf } from '../analytics/indicators.js';
import { matchesFilter, type OverviewFilter } from '../analytics/overview.js';
import { reportedRegions } from '../analytics/regions.js';
import type { DocumentTree } from '../catalog/read.js';
import type { Store } from '../store/store.js';
import {
  type Format,
  snapshotArrow,
  snapshotCsv,
  snapshotJson,
  snapshotParquet,
  snapshotXlsx,
} from './formats.js';
import { type SnapshotParams, type SnapshotRow, snapshotNotes, snapshotRows } from './snapshot.js';

/** What a snapshot is of: a document as of a month and recording time, filtered, for a region or each. */
export interface SnapshotRequest {
  tree: DocumentTree;
  asOf: AsOf;
  /** The recording time as asked, or null for "now" (which is then not written into the data). */
  known: string | null;
  filter: OverviewFilter;
  region: string;
  /** One row per indicator and reporting region instead of one region. */
  byRegion: boolean;
}

/** The snapshot's rows (document order, no timestamps) and the parameters that travel with it. */
export async function snapshotRowsFor(
  store: Store,
  request: SnapshotRequest,
): Promise<{ rows: SnapshotRow[]; params: SnapshotParams }> {
  const { tree, asOf, filter } = request;
  const regions = request.byRegion ? await reportedRegions(store, tree.document.id) : [request.region];
  const rows: SnapshotRow[] = [];
  for (const [region, all] of await indicatorRowsByRegion(store, tree, asOf, regions)) {
    rows.push(
      ...snapshotRows(
        tree,
        all.filter((r: IndicatorRow) => matchesFilter(r, filter)),
        region,
      ),
    );
  }
  const params: SnapshotParams = {
    document: tree.document.id,
    asof: asOf.period,
    known: request.known ? asOf.known.toISOString() : null,
    region: request.region,
    byRegion: request.byRegion,
    department: filter.department ?? null,
    part: filter.part ?? null,
    status: filter.statuses?.length ? filter.statuses.join(',') : null,
  };
  return { rows, params };
}

/** The snapshot's bytes in one format: the one dispatch for downloads and frozen snapshots. */
export async function encodeSnapshot(
  store: Store,
  rows: SnapshotRow[],
  params: SnapshotParams,
  format: Format,
  dataVersion: number,
): Promise<Buffer> {
  switch (format) {
    case 'csv':
      return snapshotCsv(rows);
    case 'json':
      return snapshotJson(rows, params);
    case 'xlsx':
      return snapshotXlsx(rows, snapshotNotes(params, dataVersion));
    case 'arrow':
      return snapshotArrow(rows);
    case 'parquet':
      return snapshotParquet(store, rows);
  }
}

/** A snapshot download: its rows, then its bytes in the format asked. */
export async function buildSnapshot(
  store: Store,
  request: SnapshotRequest,
  format: Format,
  dataVersion: number,
): Promise<{ bytes: Buffer; params: SnapshotParams }> {
  const { rows, params } = await snapshotRowsFor(store, request);
  return { bytes: await encodeSnapshot(store, rows, params, format, dataVersion), params };
}
