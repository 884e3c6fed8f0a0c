import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { AccountPage } from '../../views/account.js';
import { LoginPage } from '../../views/login.js';
import { audit } from '../auth/audit.js';
import { actorOf, clientIp, SESSION_COOKIE } from '../auth/middleware.js';
import { dummyHash, passwordProblem, verifyPassword } from '../auth/password.js';
import { ABSOLUTE_LIMIT_MS, endAllSessions, endSession, startSession } from '../auth/sessions.js';
import type { LoginThrottle } from '../auth/throttle.js';
import { findUser, resetPassword } from '../auth/users.js';
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';

/** Only a path of this site may be returned to after signing in, never another site (//evil, /\evil). */
export function safeNext(raw: unknown): string {
  const next = typeof raw === 'string' ? raw : '';
  return /^\/(?![/\\])[^\s]*$/.test(next) && !next.startsWith('/login') ? next : '/';
}

/** Sign in and out, and one's own account. */
export function authRoutes({
  store,
  config,
  throttle,
}: {
  store: Store;
  config: Config;
  throttle: LoginThrottle;
}) {
  const app = new Hono();

  const secure = (c: Context) =>
    config.secureCookie === 'auto'
      ? new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto') === 'https'
      : config.secureCookie;

  app.get('/login', (c) => {
    if (c.get('actor')) return c.redirect(safeNext(c.req.query('next')), 303);
    const notice = c.req.query('done') === 'password' ? '密码已修改，请用新密码登录。' : undefined;
    return c.html(<LoginPage next={safeNext(c.req.query('next'))} notice={notice} />);
  });

  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const username = String(body.username ?? '')
      .trim()
      .slice(0, 32);
    const password = String(body.password ?? '').slice(0, 128);
    const next = safeNext(body.next);
    const ip = clientIp(c);
    const wait = throttle.waitMinutes(username, ip);
    if (wait > 0) {
      const message = `登录失败次数过多，请 ${wait} 分钟后再试，或联系管理员。`;
      return c.html(<LoginPage next={next} username={username} message={message} />, 429);
    }
    const user = username ? await findUser(store, username) : undefined;
    // A wrong name costs as much as a wrong password, so timing does not reveal which names exist.
    const matches = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
    if (!user || !matches || user.disabled_at) {
      throttle.fail(username, ip);
      await audit(
        store,
        { username: null, ref: null, ip },
        {
          action: 'login.failed',
          target: `user:${username}`,
          detail: { reason: !user ? 'unknown user' : !matches ? 'wrong password' : 'disabled' },
        },
      );
      const message = user?.disabled_at && matches ? '此账号已停用，请联系管理员。' : '用户名或密码不正确。';
      return c.html(<LoginPage next={next} username={username} message={message} />, 401);
    }
    throttle.succeed(username);
    const id = await startSession(store, user, { ip, userAgent: c.req.header('User-Agent') ?? null });
    setCookie(c, SESSION_COOKIE, id, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secure(c),
      path: '/',
      maxAge: ABSOLUTE_LIMIT_MS / 1000,
    });
    return c.redirect(next, 303);
  });

  app.post('/logout', async (c) => {
    const sessionId = c.get('sessionId');
    if (sessionId) await endSession(store, sessionId, actorOf(c));
    return signedOut(c, '/login');
  });

  app.get('/account', (c) => c.html(<AccountPage actor={actorOf(c)} />));

  app.post('/account/password', async (c) => {
    const actor = actorOf(c);
    const body = await c.req.parseBody();
    const current = String(body.current ?? '');
    const password = String(body.password ?? '');
    const user = await findUser(store, actor.username);
    if (!user) throw new HTTPException(401, { message: '请先登录' });
    let message: string | null = null;
    if (!(await verifyPassword(current, user.password_hash))) message = '当前密码不正确。';
    else if (password !== String(body.confirm ?? '')) message = '两次输入的新密码不一致。';
    else message = passwordProblem(password);
    if (message) return c.html(<AccountPage actor={actor} message={message} />, 422);
    await resetPassword(store, actor, user.id, password);
    return signedOut(c, '/login?done=password');
  });

  app.post('/account/logout-all', async (c) => {
    await endAllSessions(store, actorOf(c));
    return signedOut(c, '/login');
  });

  /** Forgets the session in this browser, including any page it kept (the back button shows nothing). */
  function signedOut(c: Context, to: string) {
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c) });
    c.header('Clear-Site-Data', '"cache"');
    if (c.req.header('HX-Request') === 'true') {
      c.header('HX-Redirect', to);
      return c.body(null, 200);
    }
    return c.redirect(to, 303);
  }

  return app;
}
