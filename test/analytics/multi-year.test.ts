import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Catalog } from '../../src/catalog/types.js';
import { html } from '../helpers/html.js';
import { seededApp } from '../helpers/store.js';

/** A five-year plan (2021–2025): an annual target (每年) and a total due at the end of the plan. */
const PLAN: Catalog = {
  document: {
    id: 'changchun-2021-2025-test',
    title: '长春市“十四五”新型城镇化规划重点任务分工方案',
    year: 2021,
  },
  parts: [{ no: 1, title: '推动农业转移人口全面融入城市' }],
  sections: [],
  tasks: [
    {
      seq: 1,
      part: 1,
      section: 0,
      text: '每年开展农民工职业技能培训10万人次，到2025年新建城市道路100公里。（市人力资源社会保障局负责）',
      departments: ['市人力资源社会保障局'],
      departmentMode: 'sole',
      indicators: [
        {
          code: 'CC-T1-1',
          name: '农民工职业技能培训',
          value: 100000,
          unit: '人次',
          comparator: '=',
          deadline: '2025-12-31',
          kind: 'count',
          recurrence: 'annual',
          source: '每年开展农民工职业技能培训10万人次',
        },
        {
          code: 'CC-T1-2',
          name: '新建城市道路',
          value: 100,
          unit: '公里',
          comparator: '=',
          deadline: '2025-12-31',
          kind: 'count',
          source: '到2025年新建城市道路100公里',
        },
      ],
    },
  ],
};

type State = {
  code: string;
  target: number;
  actual: number | null;
  completion: number | null;
  pace: number;
  status: string;
  deadline: string;
};
type Report = { status: string; problems: { code: string; message: string }[] };

/**
 * The as-of months of a plan cover its whole span; an annual target starts again each year with
 * its own completion; a total due in 2025 has its pace across the five years.
 */
describe('analytics: multi-year plans and annual targets', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
    await loadCatalog(ctx.store, PLAN, 'five-year-plan');
  });
  afterAll(async () => ctx.cleanup());

  const upload = async (csv: string) => {
    const res = await ctx.app.request('/api/uploads', {
      method: 'POST',
      body: csv,
      headers: { 'Content-Type': 'text/csv' },
    });
    return (await res.json()) as Report;
  };
  const states = async (asof: string) =>
    (
      (await (await ctx.app.request(`/api/indicators?doc=${PLAN.document.id}&asof=${asof}`)).json()) as {
        indicators: State[];
      }
    ).indicators;

  it('takes figures for every year of the plan, and refuses one after it', async () => {
    const report = await upload(
      [
        '指标编码,统计期,数值,口径',
        // 2021: the year's 10万 reached (year to date).
        'CC-T1-1,2021-12,100000,累计',
        // 2022: increments month by month, which start again from zero in January.
        'CC-T1-1,2022-01,10000,当月',
        'CC-T1-1,2022-02,10000,当月',
        'CC-T1-1,2022-03,10000,当月',
        'CC-T1-2,2022-12,30,累计',
      ].join('\n'),
    );
    expect(report.status).toBe('committed');
    const after = await upload('指标编码,统计期,数值\nCC-T1-2,2026-01,101\n');
    expect(after.status).toBe('rejected');
    expect(after.problems[0]?.message).toContain('不在该指标所属文件的年度（2021–2025年）内');
  });

  it('judges an annual target on its year alone, due at that year’s end', async () => {
    const y2021 = (await states('2021-12')).find((s) => s.code === 'CC-T1-1');
    expect(y2021).toMatchObject({ actual: 100000, completion: 1, status: '已完成', deadline: '2021-12-31' });
    // March 2022: 3万 of this year's 10万 against a pace of 3/12 — not 13万 carried over from 2021.
    const march = (await states('2022-03')).find((s) => s.code === 'CC-T1-1');
    expect(march).toMatchObject({ actual: 30000, deadline: '2022-12-31', status: '正常' });
    expect(march?.completion).toBeCloseTo(0.3, 6);
    expect(march?.pace).toBeCloseTo(3 / 12, 6);
  });

  it('paces a total due in 2025 across the five years', async () => {
    const road = (await states('2022-12')).find((s) => s.code === 'CC-T1-2');
    // 30 of 100 km after 24 of 60 months: 30% against a pace of 40%.
    expect(road?.completion).toBeCloseTo(0.3, 6);
    expect(road?.pace).toBeCloseTo(24 / 60, 6);
    expect(road?.status).toBe('滞后');
  });

  it('offers every month of the span on the overview, and draws the plan over its years', async () => {
    const page = await html(await ctx.app.request(`/?doc=${PLAN.document.id}&asof=2022-03`));
    const options = [...page.document.querySelectorAll('select[name=asof] option')].map((o) => o.textContent);
    expect(options).toHaveLength(60);
    expect(options[0]).toBe('2021年1月末');
    expect(options.at(-1)).toBe('2025年12月末');
    expect(page.document.querySelector('select[name=asof] option[selected]')?.textContent).toBe(
      '2022年3月末',
    );

    const indicator = await html(await ctx.app.request('/indicators/CC-T1-2?asof=2022-12'));
    const ticks = [...indicator.document.querySelectorAll('svg g[aria-label="x-axis tick label"] text')].map(
      (t) => t.textContent,
    );
    expect(ticks).toEqual(['2021年', '2022年', '2023年', '2024年', '2025年']);
    const annual = await html(await ctx.app.request('/indicators/CC-T1-1?asof=2022-03'));
    expect(annual.document.body.textContent).toContain('农民工职业技能培训：累计完成与序时进度（2022年）');
  });
});
