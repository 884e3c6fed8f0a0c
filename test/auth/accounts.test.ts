import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCRYPT, verifyPassword } from '../../src/auth/password.js';
import { LoginThrottle, THROTTLE } from '../../src/auth/throttle.js';
import { findUser, listAccounts } from '../../src/auth/users.js';
import { listAudit } from '../../src/store/audit.js';
import { TEST_PASSWORD } from '../helpers/accounts.js';
import { html } from '../helpers/html.js';
import { seededApp } from '../helpers/store.js';

type Ctx = Awaited<ReturnType<typeof seededApp>>;

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const origin = { Origin: 'http://localhost' };

async function login(ctx: Ctx, username: string, password: string) {
  return ctx.hono.request('/login', {
    method: 'POST',
    body: form({ username, password, next: '/uploads' }),
    headers: origin,
  });
}
const cookieOf = (res: Response) => /tz_session=([^;]*)/.exec(res.headers.get('Set-Cookie') ?? '')?.[1] ?? '';

describe('auth: signing in and out', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());

  it('stores passwords as salted scrypt at OWASP’s parameters, never in clear', async () => {
    const user = await findUser(ctx.store, 'admin');
    const [scheme, n, r, p, salt] = user!.password_hash.split('$');
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual(['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p]);
    expect(SCRYPT.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(user!.password_hash).not.toContain(TEST_PASSWORD);
    expect(await verifyPassword(TEST_PASSWORD, user!.password_hash)).toBe(true);
    expect(await verifyPassword(`${TEST_PASSWORD}x`, user!.password_hash)).toBe(false);
    expect(await verifyPassword(TEST_PASSWORD, 'scrypt$1$1$1$$')).toBe(false);
  });

  it('signs in with an HttpOnly, SameSite=Lax cookie, and goes where it was asked', async () => {
    const res = await login(ctx, 'admin', TEST_PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/uploads');
    const cookie = res.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const page = await ctx.hono.request('/uploads', { headers: { Cookie: `tz_session=${cookieOf(res)}` } });
    expect(page.status).toBe(200);
    expect(page.headers.get('Cache-Control')).toBe('no-store');
    // Behind HTTPS the cookie is Secure.
    const secure = await ctx.hono.request('https://localhost/login', {
      method: 'POST',
      body: form({ username: 'admin', password: TEST_PASSWORD }),
      headers: { Origin: 'https://localhost' },
    });
    expect(secure.headers.get('Set-Cookie')).toMatch(/Secure/);
    // Never back to another site.
    const away = await ctx.hono.request('/login', {
      method: 'POST',
      body: form({ username: 'admin', password: TEST_PASSWORD, next: '//evil.example/' }),
      headers: origin,
    });
    expect(away.headers.get('Location')).toBe('/');
  });

  it('says the same for a wrong name and a wrong password, and throttles guessing', async () => {
    await ctx.as('guessed', 'viewer');
    const unknown = await login(ctx, 'nobody', 'whatever-password');
    const wrong = await login(ctx, 'guessed', 'whatever-password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect((await html(unknown)).$$('.error-message')[0]?.textContent).toBe(
      (await html(wrong)).$$('.error-message')[0]?.textContent,
    );
    for (let i = 1; i < THROTTLE.perAccount; i += 1) await login(ctx, 'guessed', `wrong-${i}`);
    // Now even the right password is refused for a while.
    const locked = await login(ctx, 'guessed', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('分钟后再试');
    // A disabled account is told nothing more than a wrong password would be.
    const off = await ctx.as('leaver', 'viewer');
    const { id } = (await listAccountsFor(ctx, 'leaver'))!;
    await ctx.app.request(`/admin/users/${id}/disable`, { method: 'POST' });
    const disabled = await login(ctx, 'leaver', TEST_PASSWORD);
    expect(disabled.status).toBe(401);
    expect((await html(disabled)).$$('.error-message')[0]?.textContent).toBe(
      (await html(await login(ctx, 'nobody-else', 'x'))).$$('.error-message')[0]?.textContent,
    );
    expect(off.session.username).toBe('leaver');
    const audit = await listAudit(ctx.store, {
      actor: null,
      action: 'login.failed',
      from: null,
      to: null,
      limit: 100,
    });
    expect(audit.filter((a) => a.target === 'user:guessed')).toHaveLength(THROTTLE.perAccount);
  });

  it('throttles per account and address, and per address, within a window that grows with each lockout', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < THROTTLE.perAccount; i += 1) throttle.reserve('a', '10.0.0.1');
    expect(throttle.waitMinutes('a', '10.0.0.1')).toBe(15);
    // A stranger's guesses elsewhere do not lock the owner out at their own desk.
    expect(throttle.waitMinutes('a', '10.0.0.2')).toBe(0);
    expect(throttle.waitMinutes('b', '10.0.0.1')).toBe(0);
    for (let i = 0; i < THROTTLE.perAddress; i += 1) throttle.reserve(`user${i}`, '10.0.0.9');
    expect(throttle.waitMinutes('fresh', '10.0.0.9')).toBeGreaterThan(0);
    now += THROTTLE.windowMs + 1;
    expect(throttle.waitMinutes('a', '10.0.0.1')).toBe(0);
    expect(throttle.waitMinutes('fresh', '10.0.0.9')).toBe(0);
    // The second lockout lasts twice as long.
    for (let i = 0; i < THROTTLE.perAccount; i += 1) throttle.reserve('a', '10.0.0.1');
    expect(throttle.waitMinutes('a', '10.0.0.1')).toBe(30);
    // Colleagues behind one address who sign in successfully never lock it.
    now += 24 * THROTTLE.windowMs;
    for (let i = 0; i < 3 * THROTTLE.perAddress; i += 1) {
      const attempt = throttle.reserve(`colleague${i}`, '10.0.0.50');
      if ('reservation' in attempt) attempt.reservation.succeeded();
    }
    expect(throttle.waitMinutes('anyone', '10.0.0.50')).toBe(0);
  });

  it('counts each attempt before its password is checked, however many arrive at once', async () => {
    await ctx.as('burst', 'viewer');
    const tries = Array.from({ length: 30 }, (_, i) => (i === 29 ? TEST_PASSWORD : `wrong-${i}`));
    const answers = await Promise.all(tries.map((password) => login(ctx, 'burst', password)));
    const statuses = answers.map((a) => a.status);
    // Only the allowed number ever reached the password check; the right password last did not get in.
    expect(statuses.filter((s) => s === 401)).toHaveLength(THROTTLE.perAccount);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - THROTTLE.perAccount);
    expect(answers.some((a) => a.headers.get('Set-Cookie')?.includes('tz_session='))).toBe(false);
  });

  it('ends the session on sign-out, everywhere on request, and after idle or absolute expiry', async () => {
    const one = await ctx.as('zhang', 'viewer');
    const two = await ctx.as('zhang', 'viewer');
    const out = await one.request('/logout', { method: 'POST' });
    expect(out.status).toBe(303);
    expect(out.headers.get('Clear-Site-Data')).toBe('"cache"');
    expect((await one.request('/')).status).toBe(303);
    expect((await two.request('/')).status).toBe(200);
    const three = await ctx.as('zhang', 'viewer');
    await two.request('/account/logout-all', { method: 'POST' });
    expect((await two.request('/')).status).toBe(303);
    expect((await three.request('/')).status).toBe(303);

    const idle = await ctx.as('zhang', 'viewer');
    await ctx.store.write((tx) =>
      tx.connection
        .run(
          "UPDATE user_session SET last_seen_at = now() - INTERVAL 3 HOUR WHERE ended_at IS NULL AND user_id = (SELECT id FROM app_user WHERE username = 'zhang')",
        )
        .then(() => 0),
    );
    expect((await idle.request('/')).status).toBe(303);
    const old = await ctx.as('zhang', 'viewer');
    await ctx.store.write((tx) =>
      tx.connection
        .run(
          "UPDATE user_session SET created_at = now() - INTERVAL 13 HOUR WHERE ended_at IS NULL AND user_id = (SELECT id FROM app_user WHERE username = 'zhang')",
        )
        .then(() => 0),
    );
    expect((await old.request('/')).status).toBe(303);
  });

  it('changes one’s own password, which signs out every session', async () => {
    const li = await ctx.as('li', 'reporter');
    const mismatch = await li.request('/account/password', {
      method: 'POST',
      body: form({ current: TEST_PASSWORD, password: 'new-password-2021', confirm: 'other' }),
    });
    expect(mismatch.status).toBe(422);
    const done = await li.request('/account/password', {
      method: 'POST',
      body: form({ current: TEST_PASSWORD, password: 'new-password-2021', confirm: 'new-password-2021' }),
    });
    expect(done.headers.get('Location')).toBe('/login?done=password');
    expect((await li.request('/')).status).toBe(303);
    expect((await login(ctx, 'li', TEST_PASSWORD)).status).toBe(401);
    expect((await login(ctx, 'li', 'new-password-2021')).status).toBe(303);
  });
});

describe('auth: administrators manage accounts and tokens; reporters stay in their departments', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());

  it('creates a reporter for a department, shows the password once, and can disable the account', async () => {
    const res = await ctx.app.request('/admin/users', {
      method: 'POST',
      body: form({ username: '王芳', role: 'reporter', departments: '省住建厅' }),
    });
    expect(res.status).toBe(200);
    const page = await html(res);
    const password = page.$$('#secret code')[0]?.textContent ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(page.$$('tr[data-user="王芳"]')[0]?.textContent).toContain('省住房城乡建设厅');
    expect((await login(ctx, '王芳', password)).status).toBe(303);
    // Shown once: the list does not show it again.
    expect(await (await ctx.app.request('/admin/users')).text()).not.toContain(password);

    const taken = await ctx.app.request('/admin/users', {
      method: 'POST',
      body: form({ username: '王芳', role: 'viewer' }),
    });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain('已存在');
    const bad = await ctx.app.request('/admin/users', {
      method: 'POST',
      body: form({ username: '<script>alert(1)</script>', role: 'viewer' }),
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).not.toContain('<script>alert(1)');

    const user = await findUser(ctx.store, '王芳');
    await ctx.app.request(`/admin/users/${user!.id}/disable`, { method: 'POST' });
    expect((await login(ctx, '王芳', password)).status).toBe(401);
    // The last administrator cannot be disabled.
    const admin = await findUser(ctx.store, 'admin');
    const last = await ctx.app.request(`/admin/users/${admin!.id}/disable`, { method: 'POST' });
    expect(last.status).toBe(422);
  });

  it('takes a plain form (no JavaScript) with its _csrf field and several departments', async () => {
    const body = new URLSearchParams([
      ['_csrf', ctx.admin.csrf],
      ['username', '赵六'],
      ['role', 'reporter'],
      ['departments', '省住建厅'],
      ['departments', '省交通运输厅'],
    ]);
    const res = await ctx.hono.request('/admin/users', {
      method: 'POST',
      body,
      headers: { Cookie: ctx.admin.cookie, Origin: 'http://localhost' },
    });
    expect(res.status).toBe(200);
    expect((await findUser(ctx.store, '赵六'))?.departments).toEqual(['省交通运输厅', '省住房城乡建设厅']);
  });

  it('rejects a reporter’s upload whole when a row is outside their departments, naming each row', async () => {
    const reporter = await ctx.as('housing', 'reporter', ['省住房城乡建设厅']);
    const before = await ctx.store.one('meta/counts');
    // 2021-T26-2 is the housing department's; 2021-T10-1 belongs to human resources.
    const csv =
      '指标编码,统计期,数值\n2021-T26-2,2021-06,40000\n2021-T10-1,2021-06,29000\n2021-T10-2,2021-06,80000\n';
    const res = await reporter.request('/api/uploads', {
      method: 'POST',
      body: csv,
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(res.status).toBe(422);
    const report = (await res.json()) as {
      status: string;
      problems: { line: number; code: string; message: string }[];
    };
    expect(report.status).toBe('rejected');
    const outside = report.problems.filter((p) => p.code === 'outside_scope');
    expect(outside.map((p) => p.line)).toEqual([3, 4]);
    expect(outside[0]?.message).toContain('不在您账号的填报范围内');
    expect(outside[0]?.message).toContain('省人力资源社会保障厅');
    expect(await ctx.store.one('meta/counts')).toMatchObject({
      actuals: (before as { actuals: number }).actuals,
    });

    const ok = await reporter.request('/api/uploads', {
      method: 'POST',
      body: '指标编码,统计期,数值\n2021-T26-2,2021-06,40000\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    const committed = (await ok.json()) as { status: string; uploadId: number };
    expect(committed.status).toBe('committed');
    const upload = await html(await ctx.app.request(`/uploads/${committed.uploadId}`));
    expect(upload.text).toContain('housing');
    // The audit trail ties the commit to the reporter's session.
    const events = await listAudit(ctx.store, {
      actor: 'housing',
      action: 'upload',
      from: null,
      to: null,
      limit: 10,
    });
    expect(events.map((e) => e.action)).toEqual(['upload.commit', 'upload.reject']);
    expect(events[0]).toMatchObject({
      target: `upload:${committed.uploadId}`,
      session_ref: `session:${(await import('../../src/auth/sessions.js')).sha256(reporter.session.id).slice(0, 12)}`,
    });
  });

  it('issues an API token once, accepts it for uploads in the same scope, and refuses it once revoked', async () => {
    const stats = await ctx.as('stats', 'reporter');
    const user = await findUser(ctx.store, 'stats');
    const page = await html(
      await ctx.app.request(`/admin/users/${user!.id}/tokens`, {
        method: 'POST',
        body: form({ label: '统计局月度导入' }),
      }),
    );
    const token = page.$$('#secret code')[0]?.textContent ?? '';
    expect(token).toMatch(/^tz_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(await ctx.store.all('auth/tokens'))).not.toContain(token);
    const upload = (body: string, bearer = token) =>
      ctx.hono.request('/api/uploads', {
        method: 'POST',
        body,
        headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'text/csv' },
      });
    const ok = await upload('指标编码,统计期,数值\n2021-T10-1,2021-07,30000\n');
    expect(ok.status).toBe(200);
    const { uploadId } = (await ok.json()) as { uploadId: number };
    expect((await html(await stats.request(`/uploads/${uploadId}`))).text).toContain('stats');
    expect((await upload('x', 'tz_not-a-real-token')).status).toBe(401);
    const [row] = await ctx.store.all<{ id: number }>('auth/tokens');
    await ctx.app.request(`/admin/tokens/${row!.id}/revoke`, { method: 'POST' });
    expect((await upload('指标编码,统计期,数值\n2021-T10-1,2021-08,31000\n')).status).toBe(401);
  });

  it('keeps an audit trail the administrator filters and downloads', async () => {
    const page = await html(await ctx.app.request('/admin/audit?action=user'));
    const actions = page.$$('#audit-list tbody tr').map((tr) => tr.children[2]?.textContent);
    expect(actions).toContain('新建账号');
    expect(actions.every((a) => a !== '登录失败' && a !== '上传提交')).toBe(true);
    const csv = await ctx.app.request('/admin/audit.csv?action=token');
    expect(csv.headers.get('Content-Type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('token.create');
    expect(text).toContain('token.revoke');
    // A query that cannot be read is a bad request (400), as on every page.
    expect((await ctx.app.request('/admin/audit?from=yesterday')).status).toBe(400);
  });
});

async function listAccountsFor(ctx: Awaited<ReturnType<typeof seededApp>>, username: string) {
  return (await listAccounts(ctx.store)).users.find((u) => u.username === username);
}
