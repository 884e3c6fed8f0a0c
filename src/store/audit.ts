/**
 * The audit journal: an append-only record of who did what, written by every area inside the
 * same transaction as the change it records (so both commit or neither). Infrastructure: it
 * knows nothing of accounts, only the name, session reference and address it is given.
 */
import type { Store, Tx } from './store.js';

/**
 * Who did it, from where: enough to tie an event to a person and a session (a signed-in actor
 * fits; so does `{ username: null, ref: null, ip }` for an anonymous attempt).
 */
export interface AuditBy {
  username: string | null;
  /** session:<12 hex>, token:<id> or cli. */
  ref: string | null;
  ip: string | null;
}

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
  await tx.run('audit/insert', {
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

/** Everyone who appears in the journal, for the audit page's filter. */
export const auditActors = async (store: Store) =>
  (await store.all<{ actor: string }>('audit/actors')).map((a) => a.actor);

export function listAudit(store: Store, filter: AuditFilter): Promise<AuditRow[]> {
  return store.all<AuditRow>('audit/list', {
    actor: filter.actor || null,
    action: filter.action || null,
    from: filter.from || null,
    to: filter.to || null,
    limit: filter.limit ?? 500,
  });
}

/** Every action of the trail in Chinese, as the audit page and its CSV name them. */
export const AUDIT_ACTIONS: Record<string, string> = {
  login: '登录',
  'login.failed': '登录失败',
  logout: '退出',
  'logout.all': '退出所有设备',
  'upload.preview': '上传预检',
  'upload.commit': '上传提交',
  'upload.reject': '上传被拒',
  'upload.duplicate': '重复上传',
  'upload.unchanged': '上传无变化',
  'upload.withdraw': '撤回上传',
  'value.preview': '单项填报预检',
  'value.commit': '单项填报提交',
  'value.reject': '单项填报被拒',
  'sample.commit': '加载示例数据',
  'sample.remove': '移除示例数据',
  'user.create': '新建账号',
  'user.update': '修改角色或范围',
  'user.reset': '重置密码',
  'user.password': '修改本人密码',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'token.create': '生成接口令牌',
  'token.revoke': '吊销接口令牌',
  'snapshot.freeze': '冻结月报',
  'indicator.correct': '更正指标',
  'upload.approve': '审核通过',
  'upload.reject_review': '审核驳回',
  'evidence.add': '上传佐证材料',
  'comment.add': '批示或说明',
  'reporting.rule': '设置报送要求',
  'document.upload': '上传重点任务文件',
  'document.edit': '审核修改文件',
  'document.publish': '发布文件',
};

/** What the audit page filters by: an area (all its actions) or one action. */
export const AUDIT_FILTERS: Record<string, string> = {
  login: '登录（含失败）',
  logout: '退出',
  'login.failed': '登录失败',
  upload: '上传（全部）',
  'upload.commit': '上传提交',
  'upload.reject': '上传被拒',
  'upload.withdraw': '撤回上传',
  value: '单项填报（全部）',
  user: '账号变更（全部）',
  token: '接口令牌（全部）',
  snapshot: '月报冻结',
  indicator: '指标更正',
  'upload.approve': '审核通过',
  'upload.reject_review': '审核驳回',
  evidence: '佐证材料',
  comment: '批示与说明',
  reporting: '报送要求',
  document: '重点任务文件（全部）',
};
