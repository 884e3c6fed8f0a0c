import { listValue } from '@duckdb/node-api';
import { InvalidError } from '../errors.js';
import { type AuditBy, recordAudit } from '../store/audit.js';
import type { Store, Tx } from '../store/store.js';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './password.js';
import { isRole, ROLE_NAMES, type Role } from './roles.js';
import { forgetSessions } from './sessions.js';

export interface UserRow {
  id: number;
  username: string;
  role: Role;
  departments: string[] | null;
  password_hash: string;
  created_at: Date;
  password_changed_at: Date;
  disabled_at: Date | null;
}

/** A request about accounts that cannot be carried out, with a message for the page. */
export class AccountError extends InvalidError {}

/**
 * 1–32 characters, no spaces or control characters, and not starting with = + - @ (a spreadsheet
 * opening a CSV with the name in it would run it as a formula); Chinese names are fine.
 */
export function usernameProblem(username: string): string | null {
  if (username.length === 0) return '请填写用户名';
  if (username.length > 32) return '用户名不能超过 32 个字符';
  if (/^[=+\-@]/.test(username)) return '用户名不能以 = + - @ 开头';
  if (/[\s\p{C}<>&"'/\\]/u.test(username)) return '用户名不能含空格、控制字符或 < > & " \' / \\';
  return null;
}

export interface NewUser {
  username: string;
  role: Role;
  /** A reporter's departments; empty or null means all. Ignored for other roles. */
  departments?: string[] | null;
  /** Generated (and returned) when not given. */
  password?: string | undefined;
}

const scopeFor = (role: Role, departments: string[] | null | undefined) =>
  role === 'reporter' && departments && departments.length > 0 ? departments : null;

const scopeValue = (scope: string[] | null) => (scope ? listValue(scope) : null);

/** The canonical names of the departments given (aliases such as 省住建厅 accepted); unknown ones refused. */
async function canonicalDepartments(tx: Tx, departments: string[] | null): Promise<string[] | null> {
  if (!departments) return null;
  const known = new Map(
    (await tx.all<{ name: string; canonical: string }>('auth/known_departments')).map((d) => [
      d.name,
      d.canonical,
    ]),
  );
  const unknown = departments.filter((d) => !known.has(d));
  if (unknown.length > 0) throw new AccountError(`责任单位不存在：${unknown.join('、')}`);
  return [...new Set(departments.map((d) => known.get(d) ?? d))].sort();
}

/** Creates an account; returns it with the password to hand over (generated if none was given). */
export async function createUser(store: Store, by: AuditBy, input: NewUser) {
  const username = input.username.trim();
  const problem = usernameProblem(username) ?? (input.password ? passwordProblem(input.password) : null);
  if (problem) throw new AccountError(problem);
  if (!isRole(input.role)) throw new AccountError('角色应为 管理员、填报员 或 查看者');
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const id = await store.write(async (tx) => {
    if ((await tx.all('auth/user_by_name', { username })).length > 0) {
      throw new AccountError(`用户名“${username}”已存在`);
    }
    const departments = await canonicalDepartments(tx, scopeFor(input.role, input.departments));
    const [row] = await tx.all<{ id: number }>('auth/insert_user', {
      username,
      role: input.role,
      departments: scopeValue(departments),
      password_hash: passwordHash,
    });
    await recordAudit(tx, by, {
      action: 'user.create',
      target: `user:${username}`,
      detail: { role: input.role, departments },
    });
    return row?.id ?? 0;
  });
  return { id, username, password };
}

export async function findUser(store: Store, username: string): Promise<UserRow | undefined> {
  return store.one<UserRow>('auth/user_by_name', { username });
}

/** Changes role and department scope; the audit trail keeps old → new. */
export async function updateUser(
  store: Store,
  by: AuditBy,
  id: number,
  change: { role: Role; departments: string[] | null },
): Promise<void> {
  if (!isRole(change.role)) throw new AccountError('角色应为 管理员、填报员 或 查看者');
  await store.write(async (tx) => {
    const [user] = await tx.all<UserRow>('auth/user_by_id', { id });
    if (!user) throw new AccountError(`没有编号为 ${id} 的账号`);
    const departments = await canonicalDepartments(tx, scopeFor(change.role, change.departments));
    if (user.role === 'admin' && change.role !== 'admin') await keepOneAdmin(tx, id);
    await tx.run('auth/update_user', { id, role: change.role, departments: scopeValue(departments) });
    await recordAudit(tx, by, {
      action: 'user.update',
      target: `user:${user.username}`,
      detail: {
        old: { role: user.role, departments: user.departments },
        new: { role: change.role, departments },
      },
    });
  });
  forgetSessions(store);
}

/** Sets a new password (generated when none is given), ends the account's sessions and revokes its tokens. */
export async function resetPassword(store: Store, by: AuditBy, id: number, password?: string) {
  const problem = password ? passwordProblem(password) : null;
  if (problem) throw new AccountError(problem);
  const chosen = password ?? generatePassword();
  const passwordHash = await hashPassword(chosen);
  const username = await store.write(async (tx) => {
    const [user] = await tx.all<UserRow>('auth/user_by_id', { id });
    if (!user) throw new AccountError(`没有编号为 ${id} 的账号`);
    await tx.run('auth/set_password', { id, password_hash: passwordHash });
    await tx.run('auth/end_user_sessions', { user_id: id });
    await tx.run('auth/revoke_user_tokens', { user_id: id });
    const self = by.username === user.username;
    await recordAudit(tx, by, {
      action: self ? 'user.password' : 'user.reset',
      target: `user:${user.username}`,
    });
    return user.username;
  });
  forgetSessions(store);
  return { username, password: chosen };
}

/**
 * Disables (signing out and revoking its tokens for good) or re-enables an account; the last
 * administrator cannot be disabled.
 */
export async function setDisabled(store: Store, by: AuditBy, id: number, disabled: boolean): Promise<void> {
  await store.write(async (tx) => {
    const [user] = await tx.all<UserRow>('auth/user_by_id', { id });
    if (!user) throw new AccountError(`没有编号为 ${id} 的账号`);
    if (disabled && user.role === 'admin') await keepOneAdmin(tx, id);
    await tx.run('auth/set_disabled', { id, disabled });
    if (disabled) {
      await tx.run('auth/end_user_sessions', { user_id: id });
      await tx.run('auth/revoke_user_tokens', { user_id: id });
    }
    await recordAudit(tx, by, {
      action: disabled ? 'user.disable' : 'user.enable',
      target: `user:${user.username}`,
    });
  });
  forgetSessions(store);
}

async function keepOneAdmin(tx: Tx, leaving: number): Promise<void> {
  const [row] = await tx.all<{ n: number }>('auth/other_admins', { id: leaving });
  if (!row || row.n === 0) throw new AccountError('至少要保留一个可用的管理员账号');
}

/**
 * On first start, when there is no account at all: an administrator `admin` with the password from
 * TAIZHANG_ADMIN_PASSWORD, or a generated one, returned so the server prints it once.
 */
export async function ensureFirstAdmin(
  store: Store,
  adminPassword: string | undefined,
): Promise<{ username: string; password: string | null } | null> {
  const [row] = await store.all<{ n: number }>('auth/user_count');
  if (row && row.n > 0) return null;
  const created = await createUser(
    store,
    { username: null, ref: null, ip: null },
    { username: 'admin', role: 'admin', password: adminPassword },
  );
  return { username: created.username, password: adminPassword ? null : created.password };
}

export const describeRole = (role: Role, departments: string[] | null) =>
  role === 'reporter'
    ? `${ROLE_NAMES.reporter}（${departments ? departments.join('、') : '全部责任单位'}）`
    : ROLE_NAMES[role];

/** An account as the administrator's list shows it, with its last use and live tokens. */
export interface AccountRow {
  id: number;
  username: string;
  role: Role;
  departments: string[] | null;
  created_at: Date;
  password_changed_at: Date;
  disabled_at: Date | null;
  last_seen_at: Date | null;
  tokens: number;
}

/** Every account, and every department a reporter may be given. */
export async function listAccounts(store: Store) {
  const [users, departments] = await Promise.all([
    store.all<AccountRow>('auth/users'),
    store.all<{ department: string }>('auth/departments'),
  ]);
  return { users, departments: departments.map((d) => d.department) };
}

/**
 * Changes one's own password after checking the current one; returns what is wrong, in words for
 * the page, or null when it was changed (which ends every session of the account).
 */
export async function changeOwnPassword(
  store: Store,
  actor: AuditBy & { username: string },
  form: { current: string; password: string; confirm: string },
): Promise<string | null> {
  const user = await findUser(store, actor.username);
  if (!user) return '账号不存在，请重新登录。';
  if (!(await verifyPassword(form.current, user.password_hash))) return '当前密码不正确。';
  if (form.password !== form.confirm) return '两次输入的新密码不一致。';
  const problem = passwordProblem(form.password);
  if (problem) return problem;
  await resetPassword(store, actor, user.id, form.password);
  return null;
}
