import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Catalog } from '../../src/catalog/types.js';
import { html } from '../helpers/html.js';
import { seededApp } from '../helpers/store.js';

/** The 2022 edition, as short as a test needs: a renamed training target and an unrelated one. */
const EDITION_2022: Catalog = {
  document: { id: 'jilin-2022-test', title: '吉林省2022年新型城镇化建设重点任务', year: 2022 },
  parts: [{ no: 1, title: '促进农业转移人口有序有效融入城市' }],
  sections: [{ no: 1, part: 1, title: '提升农业转移人口技能素质' }],
  tasks: [
    {
      seq: 1,
      part: 1,
      section: 1,
      text: '开展农民工稳就业职业技能培训15万人次以上，新建停车泊位2000个。（省人力资源社会保障厅负责）',
      departments: ['省人力资源社会保障厅'],
      departmentMode: 'sole',
      indicators: [
        {
          code: '2022-T1-1',
          name: '农民工稳就业职业技能培训',
          value: 150000,
          unit: '人次',
          comparator: '>=',
          deadline: '2022-12-31',
          kind: 'count',
          source: '15万人次以上',
        },
        {
          code: '2022-T1-2',
          name: '新建停车泊位',
          value: 2000,
          unit: '个',
          comparator: '>=',
          deadline: '2022-12-31',
          kind: 'count',
          source: '2000个',
        },
      ],
    },
  ],
};

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
    const list = await html(await ctx.app.request('/editions'));
    const rows = list.$$('#families tbody tr').map((tr) => tr.textContent ?? '');
    expect(rows.some((r) => r.includes('农民工稳就业职业技能培训') && r.includes('83.3%'))).toBe(true);
    expect(list.text).toContain('2022年');
  });
});
