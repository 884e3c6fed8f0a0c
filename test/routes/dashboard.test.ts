import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../helpers/html.js';
import { justBefore, uploadedAt } from '../helpers/known.js';
import { seededApp } from '../helpers/store.js';

describe('routes: dashboard, analytics API and charts', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
    const loaded = await ctx.app.request('/sample', { method: 'POST' });
    expect(loaded.status).toBe(303);
  });
  afterAll(async () => ctx.cleanup());

  type ApiIndicator = Record<string, unknown> & { code: string; status: string; completion: number | null };
  const api = async (query: string) => {
    const res = await ctx.app.request(`/api/indicators${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { asof: string; indicators: ApiIndicator[] };
  };

  it('answers /api/indicators with actual, completion and pace as ratios, status and forecast', async () => {
    const body = await api('?asof=2021-06');
    expect(body.asof).toBe('2021-06-30');
    expect(body.indicators).toHaveLength(68);
    const t10 = body.indicators.find((i) => i.code === '2021-T10-1')!;
    expect(t10).toMatchObject({
      target: 36000,
      unit: '人',
      last_period: '2021-06-30',
      departments: ['省人力资源社会保障厅'],
    });
    expect(t10.completion).toBeCloseTo((t10.actual as number) / 36000, 10);
    expect(t10.pace).toBe(0.5);
    expect(['已完成', '正常', '滞后', '严重滞后', '未报送']).toContain(t10.status);
    expect(t10).toHaveProperty('forecast');
  });

  it('reproduces what was known before a revision, by recording time', async () => {
    const revise = await ctx.app.request('/api/uploads', {
      method: 'POST',
      body: '指标编码,统计期,数值\n2021-T10-1,2021-06,30000\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(revise.status).toBe(200);
    const { uploadId } = (await revise.json()) as { uploadId: number };
    // Known just before the revision was recorded, as the database recorded it.
    const before = justBefore(await uploadedAt(ctx.store, uploadId)).toISOString();
    const now = (await api('?asof=2021-06')).indicators.find((i) => i.code === '2021-T10-1')!;
    const then = (await api(`?asof=2021-06&known=${encodeURIComponent(before)}`)).indicators.find(
      (i) => i.code === '2021-T10-1',
    )!;
    expect(now.actual).toBe(30000);
    expect(then.actual).not.toBe(30000);
  });

  it('refuses a malformed as-of month or recording time with 400 in Chinese', async () => {
    for (const query of ['?asof=2021-13', '?asof=abc', '?known=yesterday', "?asof=2021-06'--"]) {
      const res = await ctx.app.request(`/api/indicators${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/无效/);
    }
  });

  it('shows status counts, headline figures and small multiples on the overview, filtered by status', async () => {
    const { $$ } = await html(await ctx.app.request('/?asof=2021-10'));
    const counts = $$('.status-count').map((e) => Number(e.textContent));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(68);
    expect($$('.headline .headline-name').map((e) => e.textContent)).toEqual([
      '农民工向农技工转型培训',
      '农民工稳就业职业技能培训',
      '发放公租房租赁补贴',
      '开工改造老旧小区',
      '完成客运班线改造',
      '县域内就诊率',
    ]);
    expect($$('.multiple svg').length).toBe(23);
    const behind = await html(
      await ctx.app.request(`/?asof=2021-10&status=${encodeURIComponent('严重滞后')}`),
    );
    const shown = behind.$$('.status-count').map((e) => Number(e.textContent));
    // Only 严重滞后 is left, and every task shown has an indicator in that status.
    expect([shown[0], shown[1], shown[2], shown[4]]).toEqual([0, 0, 0, 0]);
    expect(shown[3]).toBeGreaterThan(0);
    for (const task of behind.$$('article.task'))
      expect(task.querySelectorAll('.badge-far').length).toBeGreaterThan(0);
    expect((await ctx.app.request('/?status=bogus')).status).toBe(400);
    expect((await ctx.app.request('/?part=9')).status).toBe(400);
  });

  it('draws charts on the server as SVG with Chinese labels and tooltips, downloadable with xmlns', async () => {
    const page = await html(await ctx.app.request('/indicators/2021-T10-1?asof=2021-10'));
    const svg = page.$$('.progress-chart svg')[0];
    expect(svg).toBeDefined();
    expect(page.text).toContain('累计（人）');
    expect(svg?.querySelectorAll('circle').length).toBeGreaterThanOrEqual(10);
    expect([...(svg?.querySelectorAll('title') ?? [])].map((t) => t.textContent).join('|')).toContain(
      '10月：',
    );
    const download = await ctx.app.request('/indicators/2021-T10-1/chart.svg?asof=2021-10');
    expect(download.headers.get('content-type')).toContain('image/svg+xml');
    const text = await download.text();
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
  });

  it('flags where the prefectures do not add up to the provincial figure', async () => {
    const page = await html(await ctx.app.request('/indicators/2021-T9-1'));
    expect(page.text).toMatch(/各地区合计/);
  });

  it('answers a repeated request with 304 until the data changes', async () => {
    const first = await ctx.app.request('/?asof=2021-10');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"v\d+-/);
    expect((await ctx.app.request('/?asof=2021-10', { headers: { 'If-None-Match': etag! } })).status).toBe(
      304,
    );
    await ctx.app.request('/sample/remove', { method: 'POST' });
    const after = await ctx.app.request('/?asof=2021-10', { headers: { 'If-None-Match': etag! } });
    expect(after.status).toBe(200);
    expect((await html(after)).$$('.empty-dashboard')).toHaveLength(0);
  });
});

describe('routes: roll-ups by part and section', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
    await ctx.app.request('/sample', { method: 'POST' });
  });
  afterAll(async () => ctx.cleanup());

  it('counts every indicator once per part and once per section', async () => {
    const { $$ } = await html(await ctx.app.request('/?asof=2021-10'));
    const total = (selector: string) =>
      $$(`${selector} tbody tr`).reduce(
        (n, row) =>
          n + [...row.querySelectorAll('td')].slice(0, 5).reduce((m, td) => m + Number(td.textContent), 0),
        0,
      );
    expect($$('table[data-rollup="部分"] tbody tr')).toHaveLength(6);
    expect($$('table[data-rollup="节"] tbody tr')).toHaveLength(22);
    expect(total('table[data-rollup="部分"]')).toBe(68);
    expect(total('table[data-rollup="节"]')).toBe(68);
  });
});

describe('routes: overview charts as files and tables', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
    await ctx.app.request('/sample', { method: 'POST' });
  });
  afterAll(async () => ctx.cleanup());

  it('downloads the status and department charts as standalone SVG, with their numbers in a table', async () => {
    const page = await html(await ctx.app.request('/?asof=2021-06'));
    const links = page.$$('a[href^="/charts/"]').map((a) => a.getAttribute('href'));
    expect(links).toHaveLength(2);
    for (const link of links) {
      const res = await ctx.app.request(link!);
      expect(res.headers.get('content-type')).toContain('image/svg+xml');
      const svg = await res.text();
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(svg.endsWith('</svg>')).toBe(true);
    }
    const rows = page.$$('#status-history tbody tr');
    expect(rows).toHaveLength(6);
    const june = [...(rows[5]?.querySelectorAll('td') ?? [])].reduce(
      (n, td) => n + Number(td.textContent),
      0,
    );
    expect(june).toBe(68);
  });
});
