import { randomBytes } from 'node:crypto';
import { type AuditBy, recordAudit } from '../store/audit.js';
import type { Store } from '../store/store.js';
import type { Actor, Role } from './roles.js';
import { sha256 } from './sessions.js';
import { AccountError, type UserRow } from './users.js';

/** Tokens start with tz_ so that one pasted somewhere it should not be is easy to find. */
const PREFIX = 'tz_';

export interface TokenRow {
  id: number;
  user_id: number;
  username: string;
  label: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}

/**
 * Creates a token acting as `userId` (with that account's role and scope); the token is shown once.
 * A viewer's token is read-only: it reads pages and /api/* and, the access levels being what they
 * are, writes nothing (a superior office's script pulling /api/duban or snapshots).
 */
export async function createToken(store: Store, by: AuditBy, userId: number, label: string) {
  const name = label.trim().slice(0, 60);
  if (!name) throw new AccountError('请填写令牌用途，如“统计局月度导入脚本”');
  const token = PREFIX + randomBytes(32).toString('base64url');
  const id = await store.write(async (tx) => {
    const [user] = await tx.all<UserRow>('auth/user_by_id', { id: userId });
    if (!user) throw new AccountError(`没有编号为 ${userId} 的账号`);
    const [row] = await tx.all<{ id: number }>('auth/insert_token', {
      token_hash: sha256(token),
      user_id: userId,
      label: name,
      created_by: by.username ?? 'cli',
    });
    await recordAudit(tx, by, {
      action: 'token.create',
      target: `user:${user.username}`,
      detail: { token: row?.id, label: name },
    });
    return row?.id ?? 0;
  });
  return { id, token };
}

export async function revokeToken(store: Store, by: AuditBy, id: number): Promise<void> {
  await store.write(async (tx) => {
    const [row] = await tx.all<{ id: number; label: string }>('auth/revoke_token', { id });
    if (!row) throw new AccountError(`令牌 ${id} 不存在或已吊销`);
    await recordAudit(tx, by, {
      action: 'token.revoke',
      target: `token:${id}`,
      detail: { label: row.label },
    });
  });
}

export function listTokens(store: Store): Promise<TokenRow[]> {
  return store.all<TokenRow>('auth/tokens');
}

/** The actor behind an `Authorization: Bearer tz_…` header, or null. */
export async function actorForToken(store: Store, token: string, ip: string | null): Promise<Actor | null> {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const row = await store.one<{
    token_id: number;
    user_id: number;
    username: string;
    role: Role;
    departments: string[] | null;
  }>('auth/token', { token_hash: sha256(token) });
  if (!row) return null;
  return {
    userId: row.user_id,
    username: row.username,
    role: row.role,
    departments: row.departments,
    ref: `token:${row.token_id}`,
    ip,
  };
}
