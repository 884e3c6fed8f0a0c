import { type AuditBy, recordAudit } from '../auth/audit.js';
import type { Store } from '../store/store.js';
import type { Problem } from './problems.js';

export interface UploadRow {
  id: number;
  file_name: string;
  sha256: string;
  encoding: string;
  format: string;
  rows_read: number;
  rows_new: number;
  rows_revised: number;
  rows_unchanged: number;
  rows_blank: number;
  errors: number;
  warnings: number;
  status: 'committed' | 'rejected' | 'withdrawn';
  uploaded_by: string;
  uploaded_at: Date;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  reason?: string | null;
}

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
  /** When the value stopped counting (a later value, or withdrawal); null while it counts. */
  superseded_at: Date | null;
}

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

/** The latest value that counts now, per region. */
export const latestByRegion = (store: Store, code: string) =>
  store.all<LatestRow>('actuals/latest_by_region', { code });

export class UploadNotFound extends Error {}

export const listUploads = (store: Store, limit = 500) => store.all<UploadRow>('uploads/list', { limit });

export async function getUpload(store: Store, id: number): Promise<UploadRow> {
  const row = await store.one<UploadRow>('uploads/get', { id });
  if (!row) throw new UploadNotFound(`没有第 ${id} 批上传`);
  return row;
}

export async function uploadProblems(store: Store, id: number): Promise<Problem[]> {
  const rows = await store.all<Omit<Problem, 'column'> & { column_name: string | null }>('uploads/problems', {
    id,
  });
  return rows.map(({ column_name, ...p }) => ({ ...p, column: column_name }));
}

export const uploadValues = (store: Store, id: number, limit = 1000) =>
  store.all('uploads/values', { id, limit });

/**
 * Withdraws (撤回) a committed upload as a whole: its values stop counting from now on and stay in
 * the history. Returns false when it was not committed or is already withdrawn.
 */
export async function withdrawUpload(
  store: Store,
  id: number,
  by: AuditBy,
  reason: string | null,
): Promise<boolean> {
  return store.write(async (tx) => {
    const changed = await tx.run('uploads/withdraw', { id, by: by.username ?? 'system', reason });
    if (changed > 0) {
      await tx.run('meta/bump_data_version');
      await recordAudit(tx, by, { action: 'upload.withdraw', target: `upload:${id}`, detail: { reason } });
    }
    return changed > 0;
  });
}

/** Every value ever reported for an indicator, with recorded_at and superseded_at (null while it counts). */
export const indicatorHistory = (store: Store, code: string) =>
  store.all<HistoryRow>('actuals/history', { code });
