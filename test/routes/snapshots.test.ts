import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../helpers/html.js';
import { seededApp } from '../helpers/store.js';

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  body: new URLSearchParams(fields),
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
});

describe('routes: frozen monthly snapshots and the briefing', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
    await ctx.app.request('/sample', { method: 'POST' });
  });
  afterAll(async () => ctx.cleanup());

  it('says what to do before any snapshot is frozen', async () => {
    const { text } = await html(await ctx.app.request('/snapshots'));
    expect(text).toContain('还没有冻结过快照');
  });

  it('freezes a month with a manifest; its files never change after a revision, which it lists', async () => {
    const frozen = await ctx.app.request('/snapshots', form({ asof: '2021-09' }));
    expect(frozen.status).toBe(303);
    const location = frozen.headers.get('location')!;
    expect(location).toMatch(/^\/snapshots\/\d+$/);

    const page = await html(await ctx.app.request(location));
    expect(page.text).toContain('冻结以来，该月的数据没有修订');
    const sha = page
      .$$('code')
      .map((e) => e.textContent)
      .filter((t) => /^[0-9a-f]{64}$/.test(t ?? ''));
    expect(sha).toHaveLength(5);

    const before: Record<string, Buffer> = {};
    for (const format of ['csv', 'json', 'xlsx', 'parquet', 'arrow']) {
      const res = await ctx.app.request(`${location}/${format}`);
      expect(res.status, format).toBe(200);
      before[format] = Buffer.from(await res.arrayBuffer());
    }
    // The manifest's sha256 is the file's.
    expect(sha).toContain(createHash('sha256').update(before.csv!).digest('hex'));

    const revision = await ctx.app.request('/api/uploads', {
      method: 'POST',
      body: '指标编码,统计期,数值\n2021-T10-1,2021-09,33000\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(revision.status).toBe(200);
    for (const format of Object.keys(before)) {
      const after = Buffer.from(await (await ctx.app.request(`${location}/${format}`)).arrayBuffer());
      expect(after.equals(before[format]!), format).toBe(true);
    }
    const revised = await html(await ctx.app.request(location));
    const rows = revised.$$('#revisions tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('2021-T10-1');
    expect(rows[0]?.textContent).toContain('3.3万');
    const list = await html(await ctx.app.request('/snapshots'));
    expect(list.$$('#snapshot-list tbody tr')).toHaveLength(1);
  });

  it('refuses a bad month and an unknown snapshot in Chinese', async () => {
    const bad = await ctx.app.request('/snapshots', form({ asof: '2021-13' }));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('统计月份“2021-13”无效');
    expect((await ctx.app.request('/snapshots/999')).status).toBe(404);
    expect((await ctx.app.request('/snapshots/1/pdf')).status).toBe(404);
  });

  it('lays out a briefing with the headline figures and the most-behind indicators and their departments', async () => {
    const { $$, text } = await html(await ctx.app.request('/briefing?asof=2021-10'));
    expect(text).toContain('简报 · 截至2021年10月');
    expect($$('.briefing table').length).toBeGreaterThanOrEqual(2);
    const behind = $$('#behind tbody tr');
    expect(behind.length).toBeGreaterThan(0);
    for (const row of behind) expect(row.querySelector('td:nth-child(2)')?.textContent).toMatch(/省|行/);
    expect($$('.briefing svg').length).toBeGreaterThanOrEqual(2);
  });
});

describe('routes: regions compared', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());

  it('says what to do before any regional report, then compares regions and flags a gap with the province', async () => {
    expect((await html(await ctx.app.request('/regions'))).text).toContain('还没有分地区报送的数据');
    await ctx.app.request('/api/uploads', {
      method: 'POST',
      body: '指标编码,统计期,数值,地区\n2021-T26-2,2021-06,40000,全省\n2021-T26-2,2021-06,25000,长春市\n2021-T26-2,2021-06,14000,延边州\n2021-T10-1,2021-06,2000,长春市\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    const { $$ } = await html(await ctx.app.request('/regions?asof=2021-06'));
    expect($$('#region-rollup tbody th').map((e) => e.textContent)).toEqual([
      '全省',
      '长春市',
      '延边朝鲜族自治州',
    ]);
    const rows = $$('#region-compare tbody tr');
    const subsidy = rows.find((r) => r.textContent?.includes('发放公租房租赁补贴'));
    // 40000 for the province, 25000 + 14000 = 39000 for the regions: a gap of 1000, shown.
    expect(subsidy?.querySelector('.gap-warning')?.textContent).toBe('1,000');
    const training = rows.find((r) => r.textContent?.includes('农民工向农技工转型培训'));
    expect(training?.textContent).toContain('—');
  });

  it('opens one prefecture at a time: its counties against its own figure', async () => {
    await ctx.app.request('/api/uploads', {
      method: 'POST',
      body: '指标编码,统计期,数值,地区\n2021-T26-2,2021-06,9000,南关区\n2021-T26-2,2021-06,16000,宽城区\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    const top = await html(await ctx.app.request('/regions?asof=2021-06'));
    // The province page lists prefectures only, with the way into each that has counties reporting.
    expect(top.$$('#region-rollup tbody th').map((e) => e.textContent)).toEqual([
      '全省',
      '长春市（下辖 2 个地区）',
      '延边朝鲜族自治州',
    ]);
    const link = top.$$('#region-rollup tbody th a')[0]?.getAttribute('href');
    expect(link).toBe(`/regions?parent=${encodeURIComponent('长春市')}&asof=2021-06`);
    const city = await html(await ctx.app.request(link ?? ''));
    expect(city.$$('.breadcrumb a').map((a) => a.textContent)).toEqual(['全省']);
    expect(city.$$('#region-rollup tbody th').map((e) => e.textContent)).toEqual([
      '长春市',
      '南关区',
      '宽城区',
    ]);
    const subsidy = city
      .$$('#region-compare tbody tr')
      .find((r) => r.textContent?.includes('发放公租房租赁补贴'));
    // 25000 for the city, 9000 + 16000 for its districts: no gap.
    expect(subsidy?.textContent).toContain('一致');
    expect((await ctx.app.request('/regions?parent=%E7%81%AB%E6%98%9F')).status).toBe(404);
  });
});
