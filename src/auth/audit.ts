import type { Store, Tx } from '../store/store.js';
import type { Actor } from './roles.js';

/** Who did it, from where: enough to tie an event to a person and a session. */
export type AuditBy = Pick<Actor, 'username' | 'ref' | 'ip'> | { username: null; ref: null; ip: string | null };

export interface AuditEvent {
  /** Dotted, area first: login, login.failed, upload.commit, user.create … (filterable by prefix). */
  action: string;
  /** What it was done to: upload:12, user:zhang, snapshot:3, indicator:2021-T10-1 … */
  target?: string | null;
  /** What changed (old → new) or why; stored as JSON. Never a password or a token. */
  detail?: Record<string, unknown> | null;
}

export interface AuditRow {
  id: number;
  occurred_at: Date;
  actor: string | null;
  session_ref: string | null;
  ip: string | null;
  action: string;
  target: string | null;
  detail: string | null;
}

/** Appends one event inside the caller's transaction, so it commits with what it records. */
export async function recordAudit(tx: Tx, by: AuditBy, event: AuditEvent): Promise<void> {
  await tx.run('auth/insert_audit', {
    actor: by.username,
    session_ref: by.ref,
    ip: by.ip,
    action: event.action,
    target: event.target ?? null,
    detail: event.detail ? JSON.stringify(event.detail) : null,
  });
}

/** Appends one event in a transaction of its own. */
export function audit(store: Store, by: AuditBy, event: AuditEvent): Promise<void> {
  return store.write((tx) => recordAudit(tx, by, event));
}

export interface AuditFilter {
  actor?: string | null;
  action?: string | null;
  from?: string | null;
  to?: string | null;
  limit?: number;
}

export function listAudit(store: Store, filter: AuditFilter): Promise<AuditRow[]> {
  return store.all<AuditRow>('auth/audit', {
    actor: filter.actor || null,
    action: filter.action || null,
    from: filter.from || null,
    to: filter.to || null,
    limit: filter.limit ?? 500,
  });
}

/** The actions the audit page filters by, with their Chinese names. */
export const AUDIT_ACTIONS: Record<string, string> = {
  login: '登录',
  'login.failed': '登录失败',
  logout: '退出',
  upload: '上传（全部）',
  'upload.preview': '上传预检',
  'upload.commit': '上传提交',
  'upload.reject': '上传被拒',
  'upload.withdraw': '撤回上传',
  'value.entry': '单项填报',
  user: '账号（全部）',
  token: '接口令牌（全部）',
  'snapshot.freeze': '冻结月报',
  sample: '示例数据',
};
