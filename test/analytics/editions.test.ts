import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { EDITION_2022 } from '../helpers/documents.js';
import { html } from '../helpers/html.js';
import { seededApp } from '../helpers/store.js';

type Row = { code: string; target: number; previous: Record<string, unknown> | null };

describe('analytics: editions over the years (同比)', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
    const up = await ctx.app.request('/api/uploads', {
      method: 'POST',
      body: '指标编码,统计期,数值\n2021-T10-2,2021-12,100000\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    if (up.status !== 200) throw new Error(`upload ${up.status}`);
    await loadCatalog(ctx.store, EDITION_2022, 'edition-2022');
  });
  afterAll(async () => ctx.cleanup());

  const indicators = async (query = '') =>
    ((await (await ctx.app.request(`/api/indicators${query}`)).json()) as { indicators: Row[] }).indicators;

  it("links 2022's 15万人次 to 2021's 12万人次 with its target and final actual", async () => {
    const rows = await indicators();
    const training = rows.find((r) => r.code === '2022-T1-1');
    expect(training?.previous).toMatchObject({
      code: '2021-T10-2',
      document: 'jilin-2021-new-urbanization-key-tasks',
      year: 2021,
      target: 120000,
      actual: 100000,
    });
    expect(training?.previous?.completion).toBeCloseTo(100000 / 120000, 6);
    // Nothing like it in 2021: no family, not a guess.
    expect(rows.find((r) => r.code === '2022-T1-2')?.previous).toBeNull();
    // The 2021 edition is still there, with no edition before it.
    const old = await indicators('?doc=jilin-2021-new-urbanization-key-tasks');
    expect(old).toHaveLength(68);
    expect(old.every((r) => r.previous === null)).toBe(true);
  });

  it('shows every year of a family on the indicator page and lists families on /editions', async () => {
    const page = await html(await ctx.app.request('/indicators/2022-T1-1'));
    const years = page.$$('#editions tbody tr').map((tr) => tr.textContent ?? '');
    expect(years).toHaveLength(2);
    expect(years[0]).toContain('2022');
    expect(years[0]).toContain('15万人次');
    expect(years[1]).toContain('2021');
    expect(years[1]).toContain('12万人次');
    expect(years[1]).toContain('10万人次');
    // 同比: one bar per year with an actual, a red target tick per year, labelled by year; no inline style.
    const chart = page.$('#editions-panel figure.editions-chart');
    expect(chart?.querySelector('h2')?.textContent).toBe('同比：各年度目标与完成');
    const svg = chart?.querySelector('svg');
    expect(svg?.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(1);
    expect(svg?.querySelectorAll('g[aria-label="tick"] line')).toHaveLength(2);
    const labels = [...(svg?.querySelectorAll('g[aria-label="x-axis tick label"] text') ?? [])].map(
      (t) => t.textContent,
    );
    expect(labels).toEqual(['2021年', '2022年*']);
    expect(svg?.querySelector('g[aria-label="bar"] title')?.textContent).toBe(
      '2021年年末完成 10万人次（完成 83.3%）',
    );
    expect(chart?.outerHTML).not.toMatch(/style=|<style/);
    // An indicator with no family: the empty state, no chart.
    const alone = await html(await ctx.app.request('/indicators/2022-T1-2'));
    expect(alone.$('#editions-panel .empty')?.textContent).toContain('没有对应指标');
    expect(alone.$('#editions-panel svg')).toBeNull();
    const list = await html(await ctx.app.request('/editions'));
    const rows = list.$$('#families tbody tr').map((tr) => tr.textContent ?? '');
    expect(rows.some((r) => r.includes('农民工稳就业职业技能培训') && r.includes('83.3%'))).toBe(true);
    expect(list.text).toContain('2022年');
  });
});

describe('analytics: administrators confirm or correct family links (历年对应)', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  const DOC = '/documents/jilin-2022-test';
  const hx = { 'HX-Request': 'true' };
  beforeAll(async () => {
    ctx = await seededApp();
    const up = await ctx.app.request('/api/uploads', {
      method: 'POST',
      body: '指标编码,统计期,数值\n2021-T10-1,2021-12,30000\n2021-T10-2,2021-12,100000\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    if (up.status !== 200) throw new Error(`upload ${up.status}`);
    // Through the review workflow: uploaded as a catalogue JSON, then published.
    const form = new FormData();
    form.set('file', new File([JSON.stringify(EDITION_2022)], 'jilin-2022-test.catalog.json'));
    const draft = await ctx.app.request('/api/documents', { method: 'POST', body: form });
    if (draft.status !== 201 && draft.status !== 200)
      throw new Error(`draft ${draft.status} ${await draft.text()}`);
    const published = await ctx.app.request('/api/documents/jilin-2022-test/publish', { method: 'POST' });
    if (published.status !== 200) throw new Error(`publish ${published.status} ${await published.text()}`);
  });
  afterAll(async () => ctx.cleanup());

  const previousOf = async (code: string, query = '') => {
    const body = (await (await ctx.app.request(`/api/indicators${query}`)).json()) as { indicators: Row[] };
    return body.indicators.find((r) => r.code === code)?.previous ?? null;
  };
  const decide = (code: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    ctx.app.request(`${DOC}/editions/${code}`, { method: 'POST', body: new URLSearchParams(form), headers });

  it('lists each indicator on the review page with the suggestion and why, and a form for each', async () => {
    const page = await html(await ctx.app.request(DOC));
    const training = page.$('#link-2022-T1-1');
    expect(training?.textContent).toContain(
      '系统建议：2021-T10-2 农民工稳就业职业技能培训（12万人次），名称与单位相同',
    );
    expect(training?.textContent).toContain('待确认');
    expect(training?.querySelector('input[name="previous"]')?.getAttribute('value')).toBe('2021-T10-2');
    expect(page.$('#link-2022-T1-3')?.textContent).toMatch(
      /系统建议：2021-T10-1 农民工向农技工转型培训（3\.6万人），名称相近（相似度 0\.9\d），单位、类型相同且责任单位相同/,
    );
    const parking = page.$('#link-2022-T1-2');
    expect(parking?.textContent).toContain('系统未找到名称相同或相近的指标');
    expect(parking?.querySelector('input[name="previous"]')?.getAttribute('value')).toBe('');
    // The previous edition's indicators to choose from.
    expect(page.$$('#previous-options option').length).toBe(68);
    expect(page.$('#edition-link-history')?.textContent).toContain('还没有确认或改选');
  });

  it('honours a chosen link over the matcher, everywhere, and keeps who, when and old → new', async () => {
    const res = await decide('2022-T1-2', { choice: 'link', previous: '2021-T10-1' }, hx);
    expect(res.status).toBe(200);
    const fragment = await html(res);
    expect(fragment.$('#link-2022-T1-2')?.textContent).toContain('已改选（admin');
    expect(fragment.$('#edition-link-history')?.getAttribute('hx-swap-oob')).toBe('true');
    expect(await previousOf('2022-T1-2')).toMatchObject({
      code: '2021-T10-1',
      link: 'chosen',
      actual: 30000,
    });
    expect(await previousOf('2022-T1-1')).toMatchObject({ code: '2021-T10-2', link: 'name' });
    const page = await html(await ctx.app.request('/indicators/2022-T1-2'));
    expect(page.$$('#editions tbody tr').map((tr) => tr.textContent ?? '')[1]).toContain('2021-T10-1');
    const review = await html(await ctx.app.request(DOC));
    const history = review.$$('#edition-link-history tbody tr').map((tr) => tr.textContent ?? '');
    expect(history).toHaveLength(1);
    expect(history[0]).toContain('admin');
    expect(history[0]).toContain('（无） → 2021-T10-1');
  });

  it('says "no previous" with a decision, which the as-of-known view respects', async () => {
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    expect((await decide('2022-T1-1', { choice: 'none', previous: '2021-T10-2' })).status).toBe(303);
    expect(await previousOf('2022-T1-1')).toBeNull();
    const page = await html(await ctx.app.request('/indicators/2022-T1-1'));
    expect(page.$('#editions')).toBeNull();
    // Known before the decision: the matcher's link, as it was then.
    expect(await previousOf('2022-T1-1', `?known=${encodeURIComponent(before)}`)).toMatchObject({
      code: '2021-T10-2',
    });
    const review = await html(await ctx.app.request(DOC));
    expect(review.$('#link-2022-T1-1')?.textContent).toContain('已标为无上年对应指标');
    // Then confirmed after all: the suggestion again, marked confirmed; the same again records nothing.
    expect((await decide('2022-T1-1', { choice: 'link', previous: '2021-T10-2' })).status).toBe(303);
    expect(await previousOf('2022-T1-1')).toMatchObject({ code: '2021-T10-2', link: 'confirmed' });
    expect((await decide('2022-T1-1', { choice: 'link', previous: '2021-T10-2' })).status).toBe(303);
    const rows = (await html(await ctx.app.request(DOC))).$$('#edition-link-history tbody tr');
    expect(rows.map((tr) => tr.textContent ?? '')).toEqual([
      expect.stringContaining('（无） → 2021-T10-2（确认）'),
      expect.stringContaining('2021-T10-2 → （无上年对应指标）'),
      expect.stringContaining('（无） → 2021-T10-1'),
    ]);
    const audit = await ctx.store.all<{ action: string }>('audit/list', {
      actor: null,
      action: 'indicator.edition_link',
      from: null,
      to: null,
      limit: 100,
    });
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a link to an indicator of the same or a later year, an unknown one, or an indicator of another document', async () => {
    const same = await decide('2022-T1-1', { choice: 'link', previous: '2022-T1-2' });
    expect(same.status).toBe(422);
    expect(await same.text()).toContain('不是上一版文件（2021年）中的指标编码');
    expect((await decide('2022-T1-1', { choice: 'link', previous: 'NOPE-1' })).status).toBe(422);
    expect((await decide('2022-T1-1', { choice: 'link', previous: '' })).status).toBe(422);
    expect((await decide('2021-T10-2', { choice: 'none' })).status).toBe(404);
    const viewer = await ctx.as('leader', 'viewer');
    const refused = await viewer.request(`${DOC}/editions/2022-T1-1`, {
      method: 'POST',
      body: new URLSearchParams({ choice: 'none' }),
    });
    expect(refused.status).toBe(403);
    expect(await previousOf('2022-T1-1')).toMatchObject({ code: '2021-T10-2', link: 'confirmed' });
  });
});
