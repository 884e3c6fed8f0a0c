import { createHash } from 'node:crypto';
import { indicatorRows } from '../analytics/dashboard.js';
import { type DocumentRow, type DocumentTree, readDocumentTree } from '../catalog/read.js';
import { NotFoundError } from '../errors.js';
import { type AuditBy, recordAudit } from '../store/audit.js';
import type { Store } from '../store/store.js';
import { dataVersion } from '../store/version-cache.js';
import { encodeSnapshot, snapshotRowsFor } from './build.js';
import { FORMATS, type Format } from './formats.js';
import { type SnapshotParams, type SnapshotRow, snapshotRows } from './snapshot.js';

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
  /**
   * Which uploads that needed approval (审核) were approved when it was frozen (their values are in
   * it), and which were still waiting or rejected (theirs are not). Absent in snapshots frozen
   * before approval existed.
   */
  approval?: Approvals;
}

/** The approvals as known at a time: approved (with when and by whom), pending and rejected uploads. */
export interface Approvals {
  approved: { upload: number; at: string | null; by: string | null }[];
  pending: number[];
  rejected: number[];
}

/** Every upload that needed approval, as decided by `known`. */
async function approvalsAsOf(store: Store, known: Date): Promise<Approvals> {
  const rows = await store.all<{
    upload_id: number;
    state: 'approved' | 'rejected' | 'pending' | 'withdrawn';
    decided_at: Date | null;
    decided_by: string | null;
  }>('approval/as_of', { known: known.toISOString() });
  return {
    approved: rows
      .filter((r) => r.state === 'approved')
      .map((r) => ({ upload: r.upload_id, at: r.decided_at?.toISOString() ?? null, by: r.decided_by })),
    pending: rows.filter((r) => r.state === 'pending').map((r) => r.upload_id),
    rejected: rows.filter((r) => r.state === 'rejected').map((r) => r.upload_id),
  };
}

/** A change to an indicator since a snapshot was frozen. */
export interface Revision {
  code: string;
  name: string;
  before: { actual: number | null; status: string | null };
  after: { actual: number | null; status: string | null };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Freezes the snapshot of a month (月报): every format built once, as known at this moment, and
 * stored with a manifest (parameters, data version, sha256 of each file, who froze it) in one
 * transaction. Later revisions never change it.
 */
export async function freezeSnapshot(
  store: Store,
  tree: DocumentTree,
  period: string,
  by: AuditBy,
): Promise<number> {
  const known = new Date();
  const version = await dataVersion(store);
  const { rows, params } = await snapshotRowsFor(store, {
    tree,
    asOf: { period, known },
    known: known.toISOString(),
    filter: {},
    region: '全省',
    byRegion: false,
  });
  const files = {} as Record<Format, Buffer>;
  for (const format of FORMATS) files[format] = await encodeSnapshot(store, rows, params, format, version);
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
    approval: await approvalsAsOf(store, known),
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

/** One frozen snapshot; NotFoundError when there is none of that id. */
export async function findFrozen(store: Store, id: number): Promise<FrozenSnapshot> {
  const snapshot = await getFrozen(store, id);
  if (!snapshot) throw new NotFoundError(`没有编号为 ${id} 的快照`);
  return snapshot;
}

/** The stored bytes of one format of a frozen snapshot, checked against the manifest's sha256. */
export async function frozenFile(
  store: Store,
  id: number,
  format: Format,
): Promise<{ snapshot: FrozenSnapshot; bytes: Buffer }> {
  const snapshot = await findFrozen(store, id);
  return { snapshot, bytes: await storedBytes(store, id, format) };
}

async function storedBytes(store: Store, id: number, format: Format): Promise<Buffer> {
  const row = await store.one<{ sha256: string; bytes: string }>('snapshots/file', { id, format });
  if (!row) throw new NotFoundError(`快照 ${id} 没有 ${format} 格式的文件`);
  const bytes = Buffer.from(row.bytes, 'base64');
  if (sha256(bytes) !== row.sha256)
    throw new Error(`frozen snapshot ${id} ${format} does not match its sha256`);
  return bytes;
}

/** A frozen snapshot's page: the snapshot, its manifest and what has been revised since. */
export async function frozenSnapshotPage(store: Store, id: number, documents: DocumentRow[]) {
  const snapshot = await findFrozen(store, id);
  const document = documents.find((d) => d.id === snapshot.document_id);
  if (!document) throw new NotFoundError(`快照 ${id} 所属的文件已不存在`);
  const tree = await readDocumentTree(store, document);
  const rows = await frozenRows(store, snapshot);
  return {
    snapshot,
    manifest: JSON.parse(snapshot.manifest) as Manifest,
    /** The frozen table itself, to read on the page as it was frozen. */
    rows,
    revisions: await revisionsSince(store, tree, snapshot, rows),
  };
}

/** The rows of a frozen snapshot, read from its stored JSON (checked against its sha256). */
async function frozenRows(store: Store, frozen: FrozenSnapshot): Promise<SnapshotRow[]> {
  const json = await storedBytes(store, frozen.id, 'json');
  return (JSON.parse(json.toString('utf8')) as { indicators: SnapshotRow[] }).indicators;
}

/** Which indicators changed since the snapshot was frozen: the frozen rows against today's for the same month. */
export async function revisionsSince(
  store: Store,
  tree: DocumentTree,
  frozen: FrozenSnapshot,
  before?: SnapshotRow[],
): Promise<Revision[]> {
  before ??= await frozenRows(store, frozen);
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
