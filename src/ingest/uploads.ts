import { listValue } from '@duckdb/node-api';
import { DomainError, NotFoundError } from '../errors.js';
import { type AuditBy, recordAudit } from '../store/audit.js';
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

export class UploadNotFound extends NotFoundError {}

export const listUploads = (store: Store, limit = 500) => store.all<UploadRow>('uploads/list', { limit });

export async function getUpload(store: Store, id: number): Promise<UploadRow> {
  const row = await store.one<UploadRow>('uploads/get', { id });
  if (!row) throw new UploadNotFound(`没有第 ${id} 批上传`);
  return row;
}

/** An upload's problems in line order: all of them by default (the error report), or the first `limit`. */
export async function uploadProblems(store: Store, id: number, limit = 10_000_000): Promise<Problem[]> {
  const rows = await store.all<Omit<Problem, 'column'> & { column_name: string | null }>('uploads/problems', {
    id,
    limit,
  });
  return rows.map(({ column_name, ...p }) => ({ ...p, column: column_name }));
}

export const uploadValues = (store: Store, id: number, limit = 1000) =>
  store.all('uploads/values', { id, limit });

/**
 * Withdraws (撤回) a committed upload as a whole: its values stop counting from now on and stay in
 * the history. Refused (409) when it is not committed or already withdrawn. `scope`: a reporter's
 * departments — then only a batch all of whose indicators are theirs (403 otherwise); null for
 * administrators and the statistics bureau.
 */
export async function withdrawUpload(
  store: Store,
  id: number,
  by: AuditBy,
  reason: string | null,
  scope: string[] | null = null,
): Promise<void> {
  await getUpload(store, id);
  await store.write(async (tx) => {
    if (scope) {
      const outside = await tx.all<{ code: string }>('uploads/outside_scope', {
        id,
        scope: listValue(scope),
      });
      if (outside.length > 0)
        throw new DomainError(
          403,
          `第 ${id} 批含有不在您填报范围内的指标（如 ${outside.map((o) => o.code).join('、')}），只能由负责单位或管理员撤回。`,
        );
    }
    const changed = await tx.run('uploads/withdraw', { id, by: by.username ?? 'system', reason });
    if (changed === 0) {
      throw new DomainError(409, `第 ${id} 批不是已提交状态（可能已撤回或未通过检查），无法撤回。`);
    }
    await tx.run('meta/bump_data_version');
    await recordAudit(tx, by, { action: 'upload.withdraw', target: `upload:${id}`, detail: { reason } });
  });
}
