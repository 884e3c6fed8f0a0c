import { audit } from '../store/audit.js';
import type { Store } from '../store/store.js';
import { dummyHash, verifyPassword } from './password.js';
import { startSession } from './sessions.js';
import type { LoginThrottle } from './throttle.js';
import { findUser } from './users.js';

export interface SignInAttempt {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export type SignInResult =
  | { ok: true; sessionId: string }
  | { ok: false; status: 401 | 429; message: string };

/**
 * Signing in, in one place: the throttle first (a refused attempt never has its password
 * checked), then the password — a wrong name costs as much as a wrong password, so timing does not
 * reveal which names exist — then the account's state. Every failure is in the audit trail; the
 * message never says which of name, password or account was wrong.
 */
export async function signIn(
  store: Store,
  throttle: LoginThrottle,
  attempt: SignInAttempt,
): Promise<SignInResult> {
  const { username, password, ip } = attempt;
  const wait = throttle.waitMinutes(username, ip);
  if (wait > 0) {
    return { ok: false, status: 429, message: `登录失败次数过多，请 ${wait} 分钟后再试，或联系管理员。` };
  }
  const user = username ? await findUser(store, username) : undefined;
  const matches = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
  if (!user || !matches || user.disabled_at) {
    throttle.fail(username, ip);
    const reason = !user ? 'unknown user' : !matches ? 'wrong password' : 'disabled';
    await audit(
      store,
      { username: null, ref: null, ip },
      { action: 'login.failed', target: `user:${username}`, detail: { reason } },
    );
    const message = user?.disabled_at && matches ? '此账号已停用，请联系管理员。' : '用户名或密码不正确。';
    return { ok: false, status: 401, message };
  }
  throttle.succeed(username);
  return { ok: true, sessionId: await startSession(store, user, { ip, userAgent: attempt.userAgent }) };
}
