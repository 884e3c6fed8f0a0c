import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/accounts.js';
import { seededApp } from '../helpers/store.js';

describe('http: a log an operator can read', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());

  const accessLines = () => ctx.log.filter((line) => line.msg === 'request');

  it('writes one JSON access line per request, with the request id the response echoes', async () => {
    const res = await ctx.app.request('/departments');
    const id = res.headers.get('X-Request-Id');
    expect(id).toMatch(/^[\w-]{8,}$/);
    const line = accessLines().find((l) => l.reqId === id);
    expect(line).toMatchObject({ method: 'GET', path: '/departments', status: 200 });
    expect(typeof line?.ms).toBe('number');
    expect(line?.user).toEqual(expect.any(Number));
    expect(accessLines().filter((l) => l.reqId === id)).toHaveLength(1);
  });

  it('keeps an incoming X-Request-Id, and logs anonymous requests with no user', async () => {
    const res = await ctx.hono.request('/healthz', { headers: { 'X-Request-Id': 'proxy-abc-123' } });
    expect(res.headers.get('X-Request-Id')).toBe('proxy-abc-123');
    expect(accessLines().find((l) => l.reqId === 'proxy-abc-123')).toMatchObject({ status: 200, user: null });
  });

  it('never logs a password, a cookie, a CSRF token or a query string', async () => {
    await ctx.hono.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ username: 'admin', password: TEST_PASSWORD, next: '/?secret=1' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
    });
    await ctx.app.request('/?asof=2021-03&department=%E7%9C%81%E6%95%99%E8%82%B2%E5%8E%85');
    const text = JSON.stringify(ctx.log);
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain(ctx.admin.id);
    expect(text).not.toContain(ctx.admin.csrf);
    expect(text).not.toContain('asof=');
  });

  it('logs an unexpected error once, with the reference the person sees, the request id and the stack', async () => {
    // A real fault: the table an indicator page reads is gone.
    await ctx.store.write((tx) => tx.connection.run('DROP TABLE indicator_correction'));
    const res = await ctx.app.request('/indicators/2021-T10-1', { headers: { 'X-Request-Id': 'fault-1' } });
    expect(res.status).toBe(500);
    const page = await res.text();
    const reference = /错误编号：([0-9a-f]{8})/.exec(page)?.[1];
    expect(reference).toBeDefined();
    expect(page).not.toMatch(/at \w+ \(|Catalog Error/);
    const logged = ctx.errors.filter((e) => e.reqId === 'fault-1');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ reference, msg: 'unexpected error', path: '/indicators/2021-T10-1' });
    expect(String((logged[0]?.err as { stack?: string })?.stack)).toContain('indicator_correction');
  });
});
