import { AUDIT_ACTIONS, type AuditRow } from '../store/audit.js';
import { formatInstant } from '../time.js';
import { toCsv } from './csv.js';

/** The audit trail as a CSV for Excel: Beijing time, actions in Chinese with their codes beside. */
export function auditCsv(rows: AuditRow[]): string {
  return toCsv(
    ['编号', '时间', '操作人', '操作', '操作代码', '对象', '详情', '地址', '会话'],
    rows.map((r) => [
      r.id,
      formatInstant(r.occurred_at),
      r.actor,
      AUDIT_ACTIONS[r.action] ?? r.action,
      r.action,
      r.target,
      r.detail,
      r.ip,
      r.session_ref,
    ]),
  );
}
