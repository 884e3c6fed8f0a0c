import type { Store, Tx } from '../store/store.js';
import type { Catalog, Doubt } from './types.js';

/** One state of a document's catalogue (sql/schema/030_document_drafts.sql): a draft or a published edition. */
export interface VersionInput {
  documentId: string;
  state: 'draft' | 'published';
  origin: 'seed' | 'upload' | 'edit' | 'api' | 'publish';
  catalog: Catalog;
  doubts: Doubt[];
  /** The seed file's sha256 for a seed version; otherwise the catalogue JSON's. */
  sha256: string;
  fileName?: string | null;
  format?: string | null;
  by: string | null;
}

export interface VersionRow {
  id: number;
  document_id: string;
  state: 'draft' | 'published';
  origin: VersionInput['origin'];
  catalog: Catalog;
  doubts: Doubt[];
  file_name: string | null;
  format: string | null;
  created_by: string | null;
  created_at: Date;
}

/** Appends a version (never updates one); returns its id. */
export async function recordVersion(tx: Tx, input: VersionInput): Promise<number> {
  const [row] = await tx.all<{ id: number }>('documents/insert_version', {
    document_id: input.documentId,
    state: input.state,
    origin: input.origin,
    catalog: JSON.stringify(input.catalog),
    doubts: JSON.stringify(input.doubts),
    sha256: input.sha256,
    file_name: input.fileName ?? null,
    format: input.format ?? null,
    by: input.by,
  });
  return Number(row?.id);
}

/** A document's newest version (its state), or undefined for a document never uploaded or seeded. */
export async function latestVersion(db: Store | Tx, id: string): Promise<VersionRow | undefined> {
  const [row] = await db.all<Omit<VersionRow, 'catalog' | 'doubts'> & { catalog: string; doubts: string }>(
    'documents/latest_version',
    { id },
  );
  if (!row) return undefined;
  return { ...row, catalog: JSON.parse(row.catalog) as Catalog, doubts: JSON.parse(row.doubts) as Doubt[] };
}
