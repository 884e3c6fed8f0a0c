import { createHash } from 'node:crypto';
import type { VersionCache } from '../analytics/cache.js';
import { indicatorRows } from '../analytics/dashboard.js';
import { type AuditBy, recordAudit } from '../auth/audit.js';
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

export interface FrozenSnapshot {
  id: number;
  document_id: string;
  asof: string;
  known: Date;
  data_version: number;
  manifest: string;
  frozen_by: string;
  frozen_at: Date;
}

export interface Manifest {
  parameters: SnapshotParams;
  data_version: number;
  frozen_by: string;
  files: Record<Format, { sha256: string; bytes: number }>;
}

/** A change to an indicator since a snapshot was frozen. */
export interface Revision {
  code: string;
  name: string;
  before: { actual: number | null; status: string };
  after: { actual: number | null; status: string };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Freezes the snapshot of a month (月报): every format built once, as known at this moment, and
 * stored with a manifest (parameters, data version, sha256 of each file, who froze it) in one
 * transaction. Later revisions never change it.
 */
export async function freezeSnapshot(
  store: Store,
  cache: VersionCache,
  tree: DocumentTree,
  period: string,
  by: AuditBy,
): Promise<number> {
  const known = new Date();
  const rows = snapshotRows(tree, await indicatorRows(store, tree, { period, known }));
  const params: SnapshotParams = {
    document: tree.document.id,
    asof: period,
    known: known.toISOString(),
    region: '全省',
    byRegion: false,
    department: null,
    part: null,
    status: null,
  };
  const version = await cache.version();
  const files: Record<Format, Buffer> = {
    csv: snapshotCsv(rows),
    json: snapshotJson(rows, params),
    xlsx: await snapshotXlsx(rows, snapshotNotes(params, version)),
    parquet: await snapshotParquet(store, rows),
    arrow: snapshotArrow(rows),
  };
  const manifest: Manifest = {
    parameters: params,
    data_version: version,
    frozen_by: by.username ?? 'cli',
    files: Object.fromEntries(
      Object.entries(files).map(([format, bytes]) => [
        format,
        { sha256: sha256(bytes), bytes: bytes.length },
      ]),
    ) as Manifest['files'],
  };
  return store.write(async (tx) => {
    const [{ id } = { id: 0 }] = await tx.all<{ id: number }>('snapshots/next_id');
    await tx.run('snapshots/insert', {
      id,
      document: tree.document.id,
      asof: period,
      known: known.toISOString(),
      data_version: version,
      manifest: JSON.stringify(manifest),
      by: by.username ?? 'cli',
    });
    for (const [format, bytes] of Object.entries(files)) {
      await tx.run('snapshots/insert_file', {
        id,
        format,
        sha256: sha256(bytes),
        bytes: bytes.toString('base64'),
      });
    }
    await recordAudit(tx, by, {
      action: 'snapshot.freeze',
      target: `snapshot:${id}`,
      detail: { asof: period, data_version: version },
    });
    return id;
  });
}

export const listFrozen = (store: Store) => store.all<FrozenSnapshot>('snapshots/list');

export const getFrozen = (store: Store, id: number) => store.one<FrozenSnapshot>('snapshots/get', { id });

/** The stored bytes of one format of a frozen snapshot, checked against the manifest's sha256. */
export async function frozenFile(store: Store, id: number, format: Format): Promise<Buffer | undefined> {
  const row = await store.one<{ sha256: string; bytes: string }>('snapshots/file', { id, format });
  if (!row) return undefined;
  const bytes = Buffer.from(row.bytes, 'base64');
  if (sha256(bytes) !== row.sha256)
    throw new Error(`frozen snapshot ${id} ${format} does not match its sha256`);
  return bytes;
}

/** Which indicators changed since the snapshot was frozen: the frozen rows against today's for the same month. */
export async function revisionsSince(
  store: Store,
  tree: DocumentTree,
  frozen: FrozenSnapshot,
): Promise<Revision[]> {
  const json = await frozenFile(store, frozen.id, 'json');
  if (!json) return [];
  const before = (JSON.parse(json.toString('utf8')) as { indicators: SnapshotRow[] }).indicators;
  const now = snapshotRows(
    tree,
    await indicatorRows(store, tree, { period: frozen.asof, known: new Date() }),
  );
  const current = new Map(now.map((r) => [r.code, r]));
  return before.flatMap((old) => {
    const row = current.get(old.code);
    if (!row || (row.actual === old.actual && row.status === old.status)) return [];
    return [
      {
        code: old.code,
        name: old.name,
        before: { actual: old.actual, status: old.status },
        after: { actual: row.actual, status: row.status },
      },
    ];
  });
}
