import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_ACCESS } from '../../src/auth/access.js';
import { evidenceForm, pdf } from '../helpers/accountability.js';
import { sessionHeaders } from '../helpers/accounts.js';
import { seededApp } from '../helpers/store.js';

type Ctx = Awaited<ReturnType<typeof seededApp>>;

/** Every route of the app as "METHOD path" (middleware excluded). */
const routeTable = (ctx: Ctx) =>
  [...new Set(ctx.hono.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].sort();

/** A concrete URL for a declared route: parameters filled with values that exist. */
function urlFor(path: string): string {
  return path
    .replace(':name{(status|departments)\\.svg}', 'status.svg')
    .replace(':name{(actuals(-wide)?|targets)\\.csv}', 'actuals.csv')
    .replace('/static/:name', '/static/app.css')
    .replace('/departments/:name', `/departments/${encodeURIComponent('省住房城乡建设厅')}`)
    .replace(':code', '2021-T10-1')
    .replace(':seq', '10')
    .replace(':key', 'a1b2c3d4e5f6a7b8')
    .replace(/:id\{\[0-9\]\+\}|:id/, '1')
    .replace(':format', 'csv');
}

const writes = (ctx: Ctx) => routeTable(ctx).filter((r) => !r.startsWith('GET '));

/** How much the database holds that a refused request must not have changed. */
const state = async (ctx: Ctx) => ({
  counts: await ctx.store.one('meta/counts'),
  version: await ctx.store.one('meta/data_version'),
  users: await ctx.store.all('auth/users'),
  tokens: await ctx.store.all('auth/tokens'),
  snapshots: await ctx.store.all('snapshots/list'),
});

describe('auth: every route declares who may use it, and that is enforced', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await seededApp();
    // Something to withdraw, freeze and look at (an evidence file to download among them).
    expect((await ctx.app.request('/sample', { method: 'POST' })).status).toBe(303);
    expect(
      (
        await ctx.app.request('/api/indicators/2021-T18-1/evidence', {
          method: 'POST',
          body: evidenceForm(pdf(), '验收.pdf'),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await ctx.app.request('/snapshots', {
          method: 'POST',
          body: new URLSearchParams({ asof: '2021-06' }),
        })
      ).status,
    ).toBe(303);
  });
  afterAll(async () => ctx.cleanup());

  it('has a declaration for every route and no declaration for a route that is gone', () => {
    const table = routeTable(ctx);
    expect(table.filter((r) => !(r in ROUTE_ACCESS))).toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((r) => !table.includes(r))).toEqual([]);
  });

  it('sends an anonymous visitor to the sign-in page (401 for the API) on every route but the public ones', async () => {
    for (const route of routeTable(ctx)) {
      const [method, path] = route.split(' ') as [string, string];
      const res = await ctx.hono.request(urlFor(path), {
        method,
        headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
        ...(method === 'GET' ? {} : { body: '' }),
      });
      if (route === 'POST /login') {
        expect(await res.text()).toContain('用户名或密码不正确');
      } else if (ROUTE_ACCESS[route] === 'public') {
        expect(res.status, route).not.toBe(401);
        expect(res.headers.get('Location') ?? '', route).not.toContain('/login?');
      } else if (path.startsWith('/api/') || method !== 'GET') {
        expect(res.status, route).toBe(401);
      } else {
        expect(res.status, route).toBe(303);
        expect(res.headers.get('Location'), route).toBe(`/login?next=${encodeURIComponent(urlFor(path))}`);
      }
    }
  });

  it('lets a viewer read every page and change nothing', async () => {
    const viewer = await ctx.as('leader', 'viewer');
    for (const route of routeTable(ctx).filter((r) => r.startsWith('GET '))) {
      const access = ROUTE_ACCESS[route];
      const res = await viewer.request(urlFor(route.slice(4)));
      // Signed in already, the sign-in page sends one on.
      expect(res.status, route).toBe(access === 'admin' ? 403 : route === 'GET /login' ? 303 : 200);
    }
    const before = await state(ctx);
    for (const route of writes(ctx)) {
      const [method, path] = route.split(' ') as [string, string];
      if (['account', 'public'].includes(ROUTE_ACCESS[route] ?? '')) continue;
      const res = await viewer.request(urlFor(path), { method, body: new URLSearchParams({ token: 'x' }) });
      expect(res.status, route).toBe(403);
    }
    expect(await state(ctx)).toEqual(before);
  });

  it('keeps administrators’ routes from reporters', async () => {
    const reporter = await ctx.as('clerk', 'reporter');
    const before = await state(ctx);
    for (const route of Object.keys(ROUTE_ACCESS).filter((r) => ROUTE_ACCESS[r] === 'admin')) {
      const [method, path] = route.split(' ') as [string, string];
      const res = await reporter.request(
        urlFor(path),
        method === 'GET'
          ? {}
          : {
              method,
              body: new URLSearchParams({ asof: '2021-07', username: 'x', role: 'admin', label: 'x' }),
            },
      );
      expect(res.status, route).toBe(403);
    }
    expect(await state(ctx)).toEqual(before);
  });

  it('refuses every state-changing request without the CSRF token, with a wrong one, or from another site', async () => {
    const before = await state(ctx);
    const { admin } = ctx;
    for (const route of writes(ctx)) {
      if (route === 'POST /login') continue;
      const [method, path] = route.split(' ') as [string, string];
      const body = () =>
        new URLSearchParams({ asof: '2021-08', username: 'mallory', role: 'admin', label: 'x', reason: 'x' });
      const missing = await ctx.hono.request(urlFor(path), {
        method,
        body: body(),
        headers: { Cookie: admin.cookie, Origin: 'http://localhost' },
      });
      expect(missing.status, `${route} without token`).toBe(403);
      const wrong = await ctx.hono.request(urlFor(path), {
        method,
        body: body(),
        headers: { ...sessionHeaders(admin), 'X-CSRF-Token': 'wrong' },
      });
      expect(wrong.status, `${route} wrong token`).toBe(403);
      const fieldWrong = await ctx.hono.request(urlFor(path), {
        method,
        body: new URLSearchParams({ _csrf: 'wrong' }),
        headers: { Cookie: admin.cookie, Origin: 'http://localhost' },
      });
      expect(fieldWrong.status, `${route} wrong form token`).toBe(403);
      const foreign = await ctx.hono.request(urlFor(path), {
        method,
        body: body(),
        headers: { ...sessionHeaders(admin), Origin: 'http://evil.example' },
      });
      expect(foreign.status, `${route} from another site`).toBe(403);
    }
    // A forged sign-in from another site is refused too.
    const login = await ctx.hono.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ username: 'admin', password: 'x' }),
      headers: { Origin: 'http://evil.example' },
    });
    expect(login.status).toBe(403);
    expect(await state(ctx)).toEqual(before);
    // The token in a plain form's _csrf field is accepted (no JavaScript needed).
    const ok = await ctx.hono.request('/snapshots', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: admin.csrf, asof: '2021-09' }),
      headers: { Cookie: admin.cookie, Origin: 'http://localhost' },
    });
    expect(ok.status).toBe(303);
  });

  it('fills each page with the reader’s own token and role, never another’s', async () => {
    const viewer = await ctx.as('leader2', 'viewer');
    const adminPage = await (await ctx.app.request('/uploads')).text();
    const viewerPage = await (await viewer.request('/uploads')).text();
    expect(adminPage).toContain(`content="${ctx.admin.csrf}"`);
    expect(adminPage).toContain('data-role="admin"');
    expect(viewerPage).toContain(`content="${viewer.session.csrf}"`);
    expect(viewerPage).toContain('data-role="viewer"');
    expect(viewerPage).not.toContain(ctx.admin.csrf);
    expect(viewerPage).not.toContain('<!--tz:');
  });
});

describe('auth: public read mode (TAIZHANG_PUBLIC_READ=1)', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await seededApp({ TAIZHANG_PUBLIC_READ: '1' });
  });
  afterAll(async () => ctx.cleanup());

  it('shows every page without sign-in and lets nothing be written', async () => {
    for (const route of routeTable(ctx).filter((r) => ROUTE_ACCESS[r] === 'read')) {
      const res = await ctx.hono.request(urlFor(route.slice(4)));
      expect([200, 404], route).toContain(res.status);
    }
    const page = await (await ctx.hono.request('/')).text();
    expect(page).toContain('data-role="anonymous"');
    expect(page).toContain('href="/login"');
    const before = await state(ctx);
    for (const route of writes(ctx).filter((r) => ROUTE_ACCESS[r] !== 'public')) {
      const [method, path] = route.split(' ') as [string, string];
      const res = await ctx.hono.request(urlFor(path), {
        method,
        body: new URLSearchParams({ asof: '2021-06' }),
        headers: { Origin: 'http://localhost' },
      });
      expect(res.status, route).toBe(401);
    }
    expect(await state(ctx)).toEqual(before);
  });
});
