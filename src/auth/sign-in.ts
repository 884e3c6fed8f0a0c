import { audit } from '../store/audit.js';
import type { Store } from '../store/store.js';
import { dummyHash, verifyPassword } from './password.js';
import { startSession } from './sessions.js';
import type { LoginThrottle, PasswordChecks } from './throttle.js';
import { findUser } from './users.js';

export interface SignInAttempt {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export type SignInResult =
  | { ok: true; sessionId: string }
  | { ok: false; status: 401 | 429 | 503; message: string };

/** One answer for every failure: it never says whether the name, the password or the account was wrong. */
export const SIGN_IN_FAILED = '用户名或密码不正确，或账号已停用。';

/**
 * Signing in, in one place: the attempt is counted before anything is checked (a refused attempt
 * never has its password checked, however many arrive at once), the password is checked in turn
 * with the others (scrypt is heavy, and the database shares its threads), a wrong name costs as
 * much as a wrong password, and every failure is in the audit trail.
 */
export async function signIn(
  store: Store,
  guards: { throttle: LoginThrottle; checks: PasswordChecks },
  attempt: SignInAttempt,
): Promise<SignInResult> {
  const { username, password, ip } = attempt;
  const reserved = guards.throttle.reserve(username, ip);
  if ('waitMinutes' in reserved) {
    return {
      ok: false,
      status: 429,
      message: `登录失败次数过多，请 ${reserved.waitMinutes} 分钟后再试，或联系管理员。`,
    };
  }
  const checked = await guards.checks.run(async () => {
    const user = username ? await findUser(store, username) : undefined;
    const matches = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
    return { user, matches };
  });
  if (!checked) {
    return { ok: false, status: 503, message: '同时登录的人太多，请稍后再试。' };
  }
  const { user, matches } = checked;
  if (!user || !matches || user.disabled_at) {
    const reason = !user ? 'unknown user' : !matches ? 'wrong password' : 'disabled';
    await audit(
      store,
      { username: null, ref: null, ip },
      { action: 'login.failed', target: `user:${username}`, detail: { reason } },
    );
    return { ok: false, status: 401, message: SIGN_IN_FAILED };
  }
  reserved.reservation.succeeded();
  return { ok: true, sessionId: await startSession(store, user, { ip, userAgent: attempt.userAgent }) };
}
