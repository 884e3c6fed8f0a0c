import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../helpers/html.js';
import { codes } from '../helpers/jilin-codes.js';
import { seededApp } from '../helpers/store.js';

describe('analytics: the default month follows most indicators, not the few that ran ahead', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());

  it('stays on October when 2 of 6 reporting indicators sent December, and says so', async () => {
    const six = (await codes()).slice(0, 6);
    const lines = six.map((code, i) => `${code},${i < 2 ? '2021-12' : '2021-10'},${10 + i}`);
    const res = await ctx.app.request('/api/uploads', {
      method: 'POST',
      body: `指标编码,统计期,数值\n${lines.join('\n')}\n`,
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(res.status).toBe(200);

    const api = (await (await ctx.app.request('/api/indicators')).json()) as { asof: string };
    expect(api.asof).toBe('2021-10-31');
    const page = await html(await ctx.app.request('/'));
    expect(page.document.querySelector('.dashboard-title')?.textContent).toContain('2021年10月');
    const note = page.document.querySelector('.ahead-note');
    expect(note?.textContent).toContain('另有 2 个指标已报送2021年11月及以后');
    expect(note?.querySelector('a')?.getAttribute('href')).toBe('?asof=2021-11');
    const briefing = await html(await ctx.app.request('/briefing'));
    expect(briefing.document.querySelector('.ahead-note')?.textContent).toContain('另有 2 个指标');
    // A chosen month says nothing about the default.
    const chosen = await html(await ctx.app.request('/?asof=2021-12'));
    expect(chosen.document.querySelector('.ahead-note')).toBeNull();
  });
});
