import { listValue } from '@duckdb/node-api';
import type { RegionalRow } from '../analytics/dashboard.js';
import { indicatorRowsByRegion } from '../analytics/dashboard.js';
import { type AsOf, pendingParams, reportsWithinMonth } from '../analytics/indicators.js';
import { matchesFilter, type OverviewFilter } from '../analytics/overview.js';
import { reportedRegions } from '../analytics/regions.js';
import { THRESHOLDS } from '../analytics/thresholds.js';
import type { DocumentTree } from '../catalog/read.js';
import type { Store } from '../store/store.js';
import { copiedQueryStream, temporaryFileStream } from './file-stream.js';
import { CSV_BEGIN, encodeRows, type Format, openSnapshotWriter } from './formats.js';
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

/** Regions computed and written per chunk, so thousands of counties never sit in memory at once. */
const REGIONS_PER_CHUNK = 200;

/** The parameters that travel with a snapshot (and decide its bytes). */
export function snapshotParams(request: SnapshotRequest): SnapshotParams {
  const { tree, asOf, filter } = request;
  return {
    document: tree.document.id,
    asof: asOf.period,
    known: request.known ? asOf.known.toISOString() : null,
    region: request.region,
    byRegion: request.byRegion,
    department: filter.department ?? null,
    part: filter.part ?? null,
    status: filter.statuses?.length ? filter.statuses.join(',') : null,
  };
}

/** The snapshot's rows for some regions, in document order (no timestamps). */
async function rowsFor(store: Store, request: SnapshotRequest, regions: string[]): Promise<SnapshotRow[]> {
  const rows: SnapshotRow[] = [];
  for (const [region, all] of await indicatorRowsByRegion(store, request.tree, request.asOf, regions)) {
    rows.push(
      ...snapshotRows(
        request.tree,
        all.filter((r: RegionalRow) => matchesFilter(r, request.filter)),
        region,
      ),
    );
  }
  return rows;
}

/** The snapshot's rows (one region) and the parameters that travel with it. */
export async function snapshotRowsFor(
  store: Store,
  request: SnapshotRequest,
): Promise<{ rows: SnapshotRow[]; params: SnapshotParams }> {
  return { rows: await rowsFor(store, request, [request.region]), params: snapshotParams(request) };
}

/** The snapshot's bytes in one format: the one dispatch for downloads and frozen snapshots. */
export function encodeSnapshot(
  store: Store,
  rows: SnapshotRow[],
  params: SnapshotParams,
  format: Format,
  dataVersion: number,
): Promise<Buffer> {
  return encodeRows(store, rows, format, { params, notes: snapshotNotes(params, dataVersion) });
}

/**
 * The by-region snapshot as CSV: one DuckDB query computes and formats every line
 * (sql/queries/export/snapshot_by_region.sql) and COPY writes them to a temporary file, which is
 * streamed to the client and removed. Thousands of counties × hundreds of indicators never pass
 * through JavaScript values: reading 600,000 lines out of DuckDB one value each cost a third of the
 * download's time, and COPY formats them on every worker thread.
 */
async function byRegionCsv(store: Store, request: SnapshotRequest): Promise<ReadableStream<Uint8Array>> {
  const { tree, asOf, filter } = request;
  return copiedQueryStream(store, 'export/snapshot_by_region', {
    extension: '.csv',
    // QUOTE '': each line is written as it is (the query quoted its cells); COPY ends it with CRLF.
    options: "FORMAT csv, HEADER false, QUOTE '', ESCAPE '', NEW_LINE '\\r\\n'",
    params: {
      document: tree.document.id,
      asof: asOf.period,
      known: asOf.known.toISOString(),
      behind: THRESHOLDS.behind,
      far_behind: THRESHOLDS.farBehind,
      stale_months: THRESHOLDS.staleMonths,
      ...pendingParams(asOf),
      department: filter.department ?? null,
      part: filter.part ?? null,
      statuses: filter.statuses?.length ? listValue(filter.statuses) : null,
      kind: filter.kind ?? null,
      within_month: await reportsWithinMonth(store, tree.document.id),
    },
    prefix: CSV_BEGIN,
  });
}

/**
 * A snapshot download as a stream. One region is built in memory; by region (every reporting
 * region: thousands at national scale) CSV is written by DuckDB from one query (byRegionCsv), and the other
 * formats are computed and written a chunk of regions at a time to a temporary file that is
 * streamed and then removed.
 */
export async function buildSnapshot(
  store: Store,
  request: SnapshotRequest,
  format: Format,
  dataVersion: number,
): Promise<{ body: ReadableStream<Uint8Array> | Buffer; params: SnapshotParams }> {
  const params = snapshotParams(request);
  if (!request.byRegion) {
    return {
      body: await encodeSnapshot(
        store,
        await rowsFor(store, request, [request.region]),
        params,
        format,
        dataVersion,
      ),
      params,
    };
  }
  if (format === 'csv') return { body: await byRegionCsv(store, request), params };
  const regions = await reportedRegions(store, request.tree.document.id);
  const writer = await openSnapshotWriter(store, format, {
    params,
    notes: snapshotNotes(params, dataVersion),
  });
  for (let at = 0; at < regions.length; at += REGIONS_PER_CHUNK) {
    await writer.rows(await rowsFor(store, request, regions.slice(at, at + REGIONS_PER_CHUNK)));
  }
  return { body: temporaryFileStream(await writer.end()), params };
}
