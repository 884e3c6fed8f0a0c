/**
 * Approval (审核) of reporters' uploads when TAIZHANG_APPROVAL=required: an upload that needed it
 * (recorded at commit, src/ingest/import.ts) counts only from its approval on, and never once
 * rejected. Each decision is one appended row (upload_review), in the same transaction as its
 * audit event; the counting rule that reads it is tz_current_actuals (sql/macros/20_counting.sql).
 */
import type { Actor } from '../auth/roles.js';
import { DomainError, InvalidError, NotFoundError } from '../errors.js';
import { recordAudit } from '../store/audit.js';
import type { Store } from '../store/store.js';

export type Decision = 'approved' | 'rejected';

/** One upload's approval as the pages and the API show it. */
export interface ReviewState {
  upload_id: number;
  status: 'committed' | 'rejected';
  uploaded_by: string;
  needs_approval: boolean;
  requested_at: Date | null;
  decision: Decision | null;
  decided_at: Date | null;
  decided_by: string | null;
  reason: string | null;
  withdrawn_at: Date | null;
}

/** An upload that needed approval, for the review list. */
export interface ReviewRow {
  upload_id: number;
  file_name: string;
  uploaded_by: string;
  uploaded_at: Date;
  rows_new: number;
  rows_revised: number;
  decision: Decision | null;
  decided_at: Date | null;
  decided_by: string | null;
  reason: string | null;
  withdrawn_at: Date | null;
}

/** A decision that cannot be taken now (nothing to decide, or decided already): 409. */
export class ReviewConflict extends DomainError {
  constructor(message: string) {
    super(409, message);
  }
}

/** The approval of one upload; NotFoundError when there is no such upload. */
export async function uploadReview(store: Store, id: number): Promise<ReviewState> {
  const row = await store.one<ReviewState>('approval/get', { id });
  if (!row) throw new NotFoundError(`没有第 ${id} 批上传`);
  return row;
}

/** Uploads that needed approval: those waiting first, then the decided ones, newest first. */
export const listReviews = (store: Store, limit = 200) => store.all<ReviewRow>('approval/list', { limit });

/** Approves an upload waiting for it: its values count from now on. */
export function approveUpload(store: Store, actor: Actor, id: number) {
  return decide(store, actor, id, 'approved', null);
}

/** Rejects an upload waiting for approval, with the reason the reporter will read: it never counts. */
export function rejectUpload(store: Store, actor: Actor, id: number, reason: string) {
  const text = reason.trim();
  if (!text) throw new InvalidError('请填写驳回原因，填报员会看到它。');
  if (text.length > 500) throw new InvalidError('驳回原因不能超过 500 个字符');
  return decide(store, actor, id, 'rejected', text);
}

async function decide(store: Store, actor: Actor, id: number, decision: Decision, reason: string | null) {
  // The routes let only administrators through; the rule stays here too, whatever the door.
  if (actor.role !== 'admin') throw new DomainError(403, '只有管理员可以审核上传的数据。');
  const current = await uploadReview(store, id);
  if (!current.needs_approval)
    throw new ReviewConflict(`第 ${id} 批无需审核（提交时未要求审核），已经计入。`);
  if (current.uploaded_by === actor.username) {
    throw new DomainError(403, '不能审核自己提交的数据，请由另一位管理员审核。');
  }
  return store.write(async (tx) => {
    const [row] = await tx.all<{
      upload_id: number;
      decision: Decision;
      decided_at: Date;
      decided_by: string;
      reason: string | null;
    }>('approval/decide', { id, decision, by: actor.username, reason });
    if (!row) {
      throw new ReviewConflict(
        current.withdrawn_at
          ? `第 ${id} 批已撤回，不能再审核。`
          : `第 ${id} 批已由 ${current.decided_by ?? '他人'} ${current.decision === 'approved' ? '审核通过' : '驳回'}，不能再次审核。`,
      );
    }
    await tx.run('meta/bump_data_version');
    await recordAudit(tx, actor, {
      action: decision === 'approved' ? 'upload.approve' : 'upload.reject_review',
      target: `upload:${id}`,
      detail: { uploaded_by: current.uploaded_by, ...(reason ? { reason } : {}) },
    });
    return row;
  });
}
