import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp } from '../helpers/store.js';

const SCRIPT = '<script>alert("xss")</script>';
const IMG = '<img src=x onerror=alert(1)>';

/**
 * Stored XSS attempts in every place a person can put text (indicator names through the
 * catalogue, notes and file names through uploads, user names through the account form) come back
 * escaped on every page that shows them.
 */
describe('auth: what people type is shown, never run', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
    await ctx.store.write((tx) =>
      tx.connection
        .run(
          `UPDATE indicator SET name = '${SCRIPT.replaceAll("'", "''")}' || name WHERE code = '2021-T10-1'`,
        )
        .then(() => 0),
    );
    await ctx.store.write((tx) => tx.run('meta/bump_data_version'));
    const form = new FormData();
    form.set(
      'file',
      new File([`指标编码,统计期,数值,备注\n2021-T10-1,2021-06,29000,${IMG}\n`], `${IMG}.csv`, {
        type: 'text/csv',
      }),
    );
    const preview = await ctx.app.request('/uploads', {
      method: 'POST',
      body: form,
      headers: { 'HX-Request': 'true' },
    });
    const token = /name="token" value="([0-9a-f]{32})"/.exec(await preview.text())?.[1];
    expect(token).toBeDefined();
    const commit = await ctx.app.request('/uploads/commit', {
      method: 'POST',
      body: new URLSearchParams({ token: token! }),
    });
    expect(commit.status).toBe(303);
    const user = await ctx.app.request('/admin/users', {
      method: 'POST',
      body: new URLSearchParams({ username: IMG, role: 'viewer' }),
    });
    expect(user.status).toBe(422);
  });
  afterAll(async () => ctx.cleanup());

  it('escapes them on every page', async () => {
    const pages = [
      '/',
      '/?asof=2021-06',
      '/tasks/10',
      '/departments',
      `/departments/${encodeURIComponent('省人力资源社会保障厅')}`,
      '/indicators/2021-T10-1',
      '/uploads',
      '/uploads/1',
      '/briefing?asof=2021-06',
      '/snapshots',
      '/admin/users',
      '/admin/audit',
      '/regions',
    ];
    for (const url of pages) {
      const text = await (await ctx.app.request(url)).text();
      expect(text, url).not.toContain(SCRIPT);
      expect(text, url).not.toContain(IMG);
    }
    const indicator = await (await ctx.app.request('/indicators/2021-T10-1')).text();
    expect(indicator).toContain('&lt;script&gt;alert');
    const upload = await (await ctx.app.request('/uploads/1')).text();
    expect(upload).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
