import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp } from '../helpers/store.js';

describe('http: pages stay served while a commit makes them stale', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let reader: Awaited<ReturnType<typeof ctx.as>>;
  beforeAll(async () => {
    ctx = await seededApp();
    await ctx.app.request('/sample', { method: 'POST' });
    reader = await ctx.as('leader', 'viewer');
  });
  afterAll(async () => ctx.cleanup());

  const versionOf = async (res: Response) => {
    await res.arrayBuffer();
    return Number(res.headers.get('X-Data-Version'));
  };
  const commit = (value: number) =>
    ctx.app.request('/api/uploads?file_name=rev.csv', {
      method: 'POST',
      body: `指标编码,统计期,数值\n2021-T10-1,2021-10,${value}\n`,
      headers: { 'Content-Type': 'text/csv' },
    });

  it('answers readers from the previous version while one background rendering makes the new one', async () => {
    const before = await versionOf(await reader.request('/?asof=2021-10'));
    expect((await commit(31_000)).status).toBe(200);
    // The reader is not made to wait: the answer it gets is a committed version, old or new.
    const during = await versionOf(await reader.request('/?asof=2021-10'));
    expect(during).toBeGreaterThanOrEqual(before);
    // Soon every reader has the new version, rendered once in the background.
    await expect
      .poll(async () => versionOf(await reader.request('/?asof=2021-10')), { timeout: 30_000, interval: 100 })
      .toBeGreaterThan(before);
    const after = await versionOf(await reader.request('/?asof=2021-10'));
    const renders = ctx.log.filter(
      (l) => l.msg === 'request' && l.path === '/' && l.user === 0 && l.status === 200,
    ).length;
    expect(renders).toBeGreaterThanOrEqual(1);
    // At most one background rendering of this page per version.
    expect(renders).toBeLessThanOrEqual(after - before);
  });

  it('shows the session that made a change its own change at once', async () => {
    const before = await versionOf(await ctx.app.request('/?asof=2021-10'));
    expect((await commit(32_000)).status).toBe(200);
    const own = await versionOf(await ctx.app.request('/?asof=2021-10'));
    expect(own).toBeGreaterThan(before);
  });
});
