import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { matchedRoutes } from 'hono/route';
import type { Config } from '../config.js';
import { SignInRequiredError } from '../errors.js';
import type { Store } from '../store/store.js';
import { allows, FORBIDDEN_MESSAGE, mayViewPending, ROUTE_ACCESS } from './access.js';
import { type Actor, needsApproval, reportingScope } from './roles.js';
import { csrfTokenFor, resumeSession } from './sessions.js';
import { actorForToken } from './tokens.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** Who is making the request; null when nobody signed in. */
    actor: Actor | null;
    /** The signed-in session's secret id (from the cookie); null for tokens and anonymous visitors. */
    sessionId: string | null;
    /** The request was authenticated by an API token (it carries no cookie, so CSRF cannot apply). */
    viaToken: boolean;
  }
}

export const SESSION_COOKIE = 'tz_session';

/** The client's address as the socket saw it (a proxy in front should be configured to pass it on). */
export function clientIp(c: Context): string | null {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? null;
}

/** Marks the page cache's own background rendering of a page (src/http/page-cache.ts). */
export const REFRESH_HEADER = 'X-Taizhang-Refresh';

/** Who the page cache's background rendering reads as: a viewer, since pages are the same for all. */
const REFRESH_ACTOR: Actor = {
  userId: 0,
  username: '（页面预热）',
  role: 'viewer',
  departments: null,
  ref: 'refresh',
  ip: null,
};

/**
 * Reads the session cookie or the API token and sets `actor` (and `sessionId`). The page cache's
 * internal refresh carries a secret made at start that never leaves the process.
 */
export function authenticate(
  store: Store,
  { refreshSecret }: { refreshSecret?: string } = {},
): MiddlewareHandler {
  return async (c, next) => {
    const ip = clientIp(c);
    c.set('actor', null);
    c.set('sessionId', null);
    c.set('viaToken', false);
    // The app's own files are the same for everyone: no need to look the visitor up.
    if (c.req.path.startsWith('/static/')) return next();
    if (refreshSecret && c.req.header(REFRESH_HEADER) === refreshSecret && c.req.method === 'GET') {
      c.set('actor', REFRESH_ACTOR);
      return next();
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (bearer) {
      const actor = await actorForToken(store, bearer, ip);
      if (!actor) throw new HTTPException(401, { message: '接口令牌无效或已吊销' });
      c.set('actor', actor);
      c.set('viaToken', true);
    } else {
      const id = getCookie(c, SESSION_COOKIE);
      const actor = id ? await resumeSession(store, id, ip) : null;
      if (actor && id) {
        c.set('actor', actor);
        c.set('sessionId', id);
      }
    }
    await next();
  };
}

/** The declared access of the route this request will reach; unmatched paths (404s) count as read. */
function accessOf(c: Context) {
  const handler = matchedRoutes(c).find((route) => route.method !== 'ALL');
  if (!handler) return 'read';
  const access = ROUTE_ACCESS[`${handler.method} ${handler.path}`];
  // A route nobody declared is refused, not let through (the route-table test catches it first).
  if (!access) throw new HTTPException(403, { message: '此地址未声明访问权限' });
  return access;
}

/** Lets the request through only if the actor's role reaches the route's declared access. */
export function authorize(config: Config): MiddlewareHandler {
  return async (c, next) => {
    const access = accessOf(c);
    const actor = c.get('actor');
    // A script's token reads and reports; it never acts on the account itself (its password,
    // its browsers' sessions).
    if (access === 'account' && c.get('viaToken')) {
      throw new HTTPException(403, { message: '接口令牌不能用于账号操作，请在浏览器中登录后进行。' });
    }
    if (allows(access, actor?.role ?? null, config.publicRead)) return next();
    if (actor) throw new HTTPException(403, { message: FORBIDDEN_MESSAGE[access] || '没有权限' });
    if (c.req.path.startsWith('/api/')) {
      throw new HTTPException(401, { message: '请先登录，或在 Authorization 头中提供接口令牌' });
    }
    const url = new URL(c.req.url);
    const back = c.req.method === 'GET' ? url.pathname + url.search : '/';
    const login = `/login?next=${encodeURIComponent(back)}`;
    if (c.req.header('HX-Request') === 'true') {
      // A form sent from an open page (an upload, a value) keeps the page: the message says the
      // session ended and links to the sign-in, which comes back to that page.
      if (c.req.method !== 'GET') throw new SignInRequiredError(SESSION_ENDED, pageOf(c) ?? '/');
      c.header('HX-Redirect', login);
      return c.body(null, 401);
    }
    if (c.req.method === 'GET') return c.redirect(login, 303);
    throw new HTTPException(401, { message: '请先登录' });
  };
}

const SESSION_ENDED = '登录已过期或已退出，本次提交没有保存。请重新登录后回到本页再提交一次。';

/** The path of the page an htmx request was sent from (HX-Current-URL): only its path, never a host. */
function pageOf(c: Context): string | null {
  const current = c.req.header('HX-Current-URL');
  if (!current) return null;
  try {
    const url = new URL(current);
    return url.pathname + url.search;
  } catch {
    return null;
  }
}

/**
 * Figures that count uploads still waiting for approval (?pending=1, 含待审核数据) are working
 * data for those who report and review them, not for leaders' pages, scripts with a read-only
 * token or a public display: refused here, before the page cache could answer from a copy made
 * for someone else.
 */
export function guardPending(): MiddlewareHandler {
  return async (c, next) => {
    const asked = (c.req.queries('pending') ?? []).some((v) => v !== '' && v !== '0');
    if (asked && !mayViewPending(c.get('actor')?.role ?? null)) {
      throw new HTTPException(403, { message: '含待审核数据的视图只有填报员和管理员可以查看。' });
    }
    await next();
  };
}

/**
 * Every state-changing request from a browser must come from this site (Origin / Sec-Fetch-Site,
 * Hono's csrf middleware, with the allowed origins of the deployment) and, when signed in, carry
 * the session's token: the X-CSRF-Token header htmx sends, or the _csrf field of a plain form.
 * Only a request that an API token really authenticated skips both: it carries no cookie, so it
 * cannot be forged this way. Any other Authorization header (Basic, Negotiate from a proxy) does not.
 */
export function csrfGuard(config: Config): MiddlewareHandler {
  const sameSite = csrf({
    origin: (origin, c) =>
      config.allowedOrigins.length > 0
        ? config.allowedOrigins.includes(origin)
        : origin === new URL(c.req.url).origin,
  });
  return async (c, next) => {
    if (/^(GET|HEAD|OPTIONS)$/.test(c.req.method)) return next();
    if (c.get('viaToken')) return next();
    try {
      await sameSite(c, async () => {});
    } catch {
      throw new HTTPException(403, { message: '请求来源不是本站，已拒绝。请从本站页面重新操作。' });
    }
    const sessionId = c.get('sessionId');
    if (sessionId) {
      const sent = c.req.header('X-CSRF-Token') ?? (await formToken(c));
      if (sent !== csrfTokenFor(sessionId)) {
        throw new HTTPException(403, { message: '页面已过期或请求无效（缺少安全令牌），请刷新页面后重试。' });
      }
    }
    return next();
  };
}

/** The _csrf field of a form body (Hono keeps the parsed form, so the route reads it again for free). */
async function formToken(c: Context): Promise<string | undefined> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(type)) return undefined;
  const value = (await c.req.parseBody())._csrf;
  return typeof value === 'string' ? value : undefined;
}

/** The actor of a request that `authorize` let through to a route needing an account. */
export function actorOf(c: Context): Actor {
  const actor = c.get('actor');
  if (!actor) throw new HTTPException(401, { message: '请先登录' });
  return actor;
}

/**
 * The actor as an uploader: name, session, address, the departments they may report for, and
 * whether their commits wait for approval under the deployment's setting.
 */
export function importerOf(c: Context, config: Pick<Config, 'approval'>) {
  const actor = actorOf(c);
  return {
    username: actor.username,
    ref: actor.ref,
    ip: actor.ip,
    scope: reportingScope(actor),
    needsApproval: needsApproval(actor, config.approval),
  };
}
