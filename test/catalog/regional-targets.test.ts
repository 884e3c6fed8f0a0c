import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../helpers/html.js';
import { seededApp } from '../helpers/store.js';

type State = {
  code: string;
  target: number | null;
  target_from: string;
  completion: number | null;
  status: string | null;
};

/** 目标分解: a provincial target broken down by prefecture, each measured against its own. */
describe('catalog: regional targets (目标分解)', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());

  const CODE = '2021-T53-1'; // 完成客运班线改造 30条
  const state = async (query: string) =>
    (
      (await (await ctx.app.request(`/api/indicators?${query}`)).json()) as { indicators: State[] }
    ).indicators.find((i) => i.code === CODE);
  const revise = (body: Record<string, unknown>) =>
    ctx.app.request(`/api/indicators/${CODE}/revisions`, {
      method: 'POST',
      body: JSON.stringify({
        effective: '2021-01-01',
        source: '客运班线改造任务分解方案',
        reason: '分解到市州',
        ...body,
      }),
      headers: { 'Content-Type': 'application/json' },
    });

  it('measures 长春市 against its 8 and 吉林市 against its 6, and leaves the province at 30', async () => {
    const csv = `指标编码,统计期,地区,数值\n${CODE},2021-10,长春市,6\n${CODE},2021-10,吉林市,2\n${CODE},2021-10,全省,20\n`;
    const up = await ctx.app.request('/api/uploads', {
      method: 'POST',
      body: csv,
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(up.status).toBe(200);
    // Before the breakdown a city has no target of its own: no completion and no status, not a
    // false 严重滞后 against the whole province's 30 lines.
    expect(await state('region=长春市&asof=2021-10')).toMatchObject({
      target: null,
      target_from: 'none',
      completion: null,
      status: null,
    });

    expect((await revise({ target: 8, region: '长春市' })).status).toBe(200);
    expect((await revise({ target: 6, region: '吉林市' })).status).toBe(200);

    const changchun = await state('region=长春市&asof=2021-10');
    // 75% against an October pace of 83.3%: 滞后 (5 points under), no longer 严重滞后 against 30.
    expect(changchun).toMatchObject({ target: 8, completion: 0.75, status: '滞后' });
    const jilin = await state('region=吉林市&asof=2021-10');
    expect(jilin?.target).toBe(6);
    expect(jilin?.completion).toBeCloseTo(2 / 6, 6);
    expect(jilin?.status).toBe('严重滞后');
    // The province and the catalogue keep their own 30.
    expect(await state('asof=2021-10')).toMatchObject({ target: 30 });
    // The indicator page shows the breakdown and what is left of the province's 30.
    const page = await html(await ctx.app.request(`/indicators/${CODE}?asof=2021-10`));
    const breakdown = page.document.querySelector('#regional-targets')?.textContent ?? '';
    expect(breakdown).toContain('各地区合计 14条');
    expect(breakdown).toContain('尚有 16条 未分解');
  });

  it('refuses a region the table lacks, a unit for a region, and a milestone, in Chinese', async () => {
    const unknown = await revise({ target: 3, region: '火星市' });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: string }).error).toContain('地区“火星市”不存在');
    const unit = await revise({ target: 3, unit: '个', region: '长春市' });
    expect(unit.status).toBe(422);
    const milestone = await ctx.app.request('/api/indicators/2021-T1-1/revisions', {
      method: 'POST',
      body: JSON.stringify({
        target: 1,
        effective: '2021-01-01',
        source: '方案',
        reason: '分解',
        region: '长春市',
      }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(milestone.status).toBe(422);
  });
});
