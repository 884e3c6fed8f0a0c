import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../helpers/html.js';
import { seededApp } from '../helpers/store.js';

type State = { code: string; target: number | null; completion: number | null };

/**
 * Target revisions are bitemporal: the target in force for a month is the latest revision
 * effective by then (valid time), as recorded by `known` (transaction time).
 */
describe('catalog: a target revised from a date on (目标调整)', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());

  const state = async (query: string) => {
    const body = (await (await ctx.app.request(`/api/indicators?${query}`)).json()) as {
      indicators: State[];
    };
    return body.indicators.find((i) => i.code === '2021-T10-1');
  };
  const upload = (csv: string) =>
    ctx.app.request('/api/uploads', { method: 'POST', body: csv, headers: { 'Content-Type': 'text/csv' } });
  const revise = (body: Record<string, unknown>) =>
    ctx.app.request('/api/indicators/2021-T10-1/revisions', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
    });

  it('counts June against 3.6万 and October against 4万; known= before the revision shows 3.6万', async () => {
    expect(
      (await upload('指标编码,统计期,数值\n2021-T10-1,2021-06,18000\n2021-T10-1,2021-10,30000\n')).status,
    ).toBe(200);
    const [{ at }] = (await (await ctx.app.request('/api/indicators/2021-T10-1/actuals')).json()).actuals
      .map((a: { recorded_at: string }) => ({ at: a.recorded_at }))
      .sort((a: { at: string }, b: { at: string }) => b.at.localeCompare(a.at));

    const res = await revise({
      target: 40000,
      effective: '2021-07-01',
      source: '吉林省新型城镇化工作领导小组〔2021〕3号',
      reason: '年中调整目标',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ code: '2021-T10-1', changed: 1 });

    expect(await state('asof=2021-06')).toMatchObject({ target: 36000, completion: 0.5 });
    expect(await state('asof=2021-10')).toMatchObject({ target: 40000, completion: 0.75 });
    // As known when the values were recorded, before the revision: the original target.
    expect(await state(`asof=2021-10&known=${encodeURIComponent(at)}`)).toMatchObject({
      target: 36000,
    });

    // The indicator page names the revising document and draws both targets.
    const page = await html(await ctx.app.request('/indicators/2021-T10-1?asof=2021-10'));
    const history = page.document.querySelector('#correction-history')?.textContent ?? '';
    expect(history).toContain('吉林省新型城镇化工作领导小组〔2021〕3号');
    expect(history).toMatch(/2021年0?7月0?1日起/);
    const svg = page
      .$$('svg')
      .map((s) => s.textContent)
      .join('|');
    expect(svg).toContain('原目标 3.6万');
    expect(svg).toContain('调整后 4万');
  });

  it('refuses a revision without its source, with a bad date or from a viewer, in Chinese', async () => {
    const missing = await revise({ target: 41000, effective: '2021-08-01', reason: '调整' });
    expect(missing.status).toBe(422);
    expect(JSON.stringify(await missing.json())).toMatch(/source|依据/);
    const badDate = await revise({ target: 41000, effective: '2021-02-30', source: '通知', reason: '调整' });
    expect(badDate.status).toBe(422);
    expect(((await badDate.json()) as { error: string }).error).toMatch(/生效日期/);
    const viewer = await ctx.as('reader', 'viewer');
    const denied = await viewer.request('/api/indicators/2021-T10-1/revisions', {
      method: 'POST',
      body: JSON.stringify({ target: 1, effective: '2021-08-01', source: '通知', reason: '调整' }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(denied.status).toBe(403);
    expect(await state('asof=2021-10')).toMatchObject({ target: 40000 });
  });
});
