import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { AccountPage } from '../../views/account.js';
import { LoginPage } from '../../views/login.js';
import { actorOf, clientIp, SESSION_COOKIE } from '../auth/middleware.js';
import { ABSOLUTE_LIMIT_MS, endAllSessions, endSession } from '../auth/sessions.js';
import { signIn } from '../auth/sign-in.js';
import { changeOwnPassword } from '../auth/users.js';
import { valid } from '../http/validate.js';
import type { RouteDeps } from './deps.js';

/** Only a path of this site may be returned to after signing in, never another site (//evil, /\evil). */
export function safeNext(raw: unknown): string {
  const next = typeof raw === 'string' ? raw : '';
  return /^\/(?![/\\])[^\s]*$/.test(next) && !next.startsWith('/login') ? next : '/';
}

/** Form fields are cut, not refused: a sign-in form answers every attempt the same way. */
const field = (max: number) =>
  z
    .unknown()
    .transform((v) => (typeof v === 'string' ? v.slice(0, max) : ''))
    .optional()
    .transform((v) => v ?? '');

const loginForm = z.object({ username: field(64), password: field(128), next: field(2000) });
const passwordForm = z.object({ current: field(128), password: field(256), confirm: field(256) });

/** Sign in and out, and one's own account. */
export function authRoutes({ store, config, throttle, passwordChecks }: RouteDeps) {
  const app = new Hono();

  const secure = (c: Context) =>
    config.secureCookie === 'auto'
      ? new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto') === 'https'
      : config.secureCookie;

  app.get('/login', valid('query', z.object({ next: field(2000), done: field(20) })), (c) => {
    const { next, done } = c.req.valid('query');
    if (c.get('actor')) return c.redirect(safeNext(next), 303);
    const notice = done === 'password' ? '密码已修改，请用新密码登录。' : undefined;
    return c.html(<LoginPage next={safeNext(next)} notice={notice} />);
  });

  app.post('/login', valid('form', loginForm), async (c) => {
    const form = c.req.valid('form');
    const username = form.username.trim().slice(0, 32);
    const next = safeNext(form.next);
    const result = await signIn(
      store,
      { throttle, checks: passwordChecks },
      {
        username,
        password: form.password,
        ip: clientIp(c),
        userAgent: c.req.header('User-Agent') ?? null,
      },
    );
    if (!result.ok) {
      return c.html(<LoginPage next={next} username={username} message={result.message} />, result.status);
    }
    setCookie(c, SESSION_COOKIE, result.sessionId, {
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

  app.post('/account/password', valid('form', passwordForm), async (c) => {
    const actor = actorOf(c);
    const problem = await changeOwnPassword(store, actor, c.req.valid('form'));
    if (problem) return c.html(<AccountPage actor={actor} message={problem} />, 422);
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
