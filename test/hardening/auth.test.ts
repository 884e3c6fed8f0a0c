import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordProblem } from '../../src/auth/password.js';
import { CLI_ACTOR } from '../../src/auth/roles.js';
import { createToken } from '../../src/auth/tokens.js';
import { findUser, usernameProblem } from '../../src/auth/users.js';
import { sessionHeaders } from '../helpers/accounts.js';
import { seededApp } from '../helpers/store.js';

type Ctx = Awaited<ReturnType<typeof seededApp>>;

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const formHeaders = { 'Content-Type': 'application/x-www-form-urlencoded' };

describe('hardening: accounts, tokens and headers', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());

  const tokenFor = async (username: string) => {
    const session = await ctx.as(username, 'reporter');
    const user = await findUser(ctx.store, username);
    const { token } = await createToken(ctx.store, CLI_ACTOR, user!.id, '测试脚本');
    return { session, user: user!, bearer: { Authorization: `Bearer ${token}` } };
  };
  const tokenWorks = async (bearer: Record<string, string>) =>
    (await ctx.hono.request('/api/indicators', { headers: bearer })).status === 200;

  it('ends an API token with a password reset, and keeps it revoked through disable and enable', async () => {
    const reset = await tokenFor('token-reset');
    expect(await tokenWorks(reset.bearer)).toBe(true);
    await ctx.app.request(`/admin/users/${reset.user.id}/password`, { method: 'POST' });
    expect(await tokenWorks(reset.bearer)).toBe(false);

    const off = await tokenFor('token-off');
    await ctx.app.request(`/admin/users/${off.user.id}/disable`, { method: 'POST' });
    await ctx.app.request(`/admin/users/${off.user.id}/enable`, { method: 'POST' });
    expect(await tokenWorks(off.bearer)).toBe(false);
  });

  it('never lets a token act on the account: no signing its owner out of every browser', async () => {
    const { session, bearer } = await tokenFor('token-owner');
    const res = await ctx.hono.request('/account/logout-all', { method: 'POST', headers: bearer });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('接口令牌不能用于账号操作');
    // The owner's browser session still works.
    expect((await ctx.hono.request('/account', { headers: sessionHeaders(session.session) })).status).toBe(
      200,
    );
  });

  it('checks CSRF unless a token really authenticated the request (a Basic header from a proxy does not)', async () => {
    const res = await ctx.hono.request('/admin/users', {
      method: 'POST',
      body: form({ username: 'forged', role: 'admin' }),
      headers: {
        ...formHeaders,
        Cookie: ctx.admin.cookie,
        Authorization: 'Basic YWRtaW46YWRtaW4=',
        Origin: 'http://evil.example',
      },
    });
    expect(res.status).toBe(403);
    expect(await findUser(ctx.store, 'forged')).toBeUndefined();
  });

  it('refuses user names a spreadsheet would run, and the most common passwords', async () => {
    for (const name of ['=cmd|calc', '+1', '-2', '@SUM(A1)']) expect(usernameProblem(name)).toMatch(/开头/);
    expect(usernameProblem('张三')).toBeNull();
    for (const weak of ['1234567890', 'qwertyuiop', 'Password123', 'abcdefghijk']) {
      expect(passwordProblem(weak), weak).toMatch(/常见|简单/);
    }
    expect(passwordProblem('长白山-天池-2021')).toBeNull();
    const res = await ctx.app.request('/admin/users', {
      method: 'POST',
      body: form({ username: '=HYPERLINK("x")', role: 'viewer' }),
      headers: formHeaders,
    });
    expect(res.status).toBe(422);
  });

  it('sends headers that agree on framing: X-Frame-Options DENY with frame-ancestors none', async () => {
    const res = await ctx.app.request('/');
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
  });

  it('takes at most a form’s worth of body on every route but uploads, before reading it', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    const res = await ctx.hono.request('/login', {
      method: 'POST',
      body: form({ username: 'admin', password: big }),
      headers: { ...formHeaders, Origin: 'http://localhost' },
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('表单最多 1 MB');
  });
});

describe('hardening: the Host names this site when TAIZHANG_ORIGIN is set', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await seededApp({ TAIZHANG_ORIGIN: 'https://taizhang.example.gov.cn' });
  });
  afterAll(async () => ctx.cleanup());

  it('refuses another Host, takes the proxy’s X-Forwarded-Host, and always answers the health check', async () => {
    const forged = await ctx.hono.request('http://attacker.example/login');
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('不是本站的地址');
    const proxied = await ctx.hono.request('http://127.0.0.1:8080/login', {
      headers: { 'X-Forwarded-Host': 'taizhang.example.gov.cn' },
    });
    expect(proxied.status).toBe(200);
    expect((await ctx.hono.request('http://127.0.0.1:8080/healthz')).status).toBe(200);
  });
});
