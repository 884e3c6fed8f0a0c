import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/import.js';
import { REGION_BARS_MAX } from '../../views/charts/figures.js';
import { html } from '../helpers/html.js';
import { seededApp } from '../helpers/store.js';

/**
 * The indicator page's regions chart and its sum check read the level right below the province:
 * counties lie inside their prefectures, so counting both would report a gap that is not there.
 */
describe('analytics: the indicator page’s regions', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());

  const upload = async (name: string, code: string, rows: [string, number][]) => {
    const file = path.join(ctx.dir, name);
    writeFileSync(
      file,
      ['指标编码,统计期,地区,数值', ...rows.map(([r, v]) => `${code},2021-10,${r},${v}`)].join('\n'),
    );
    const report = await importFile(ctx.store, file, { fileName: name, by: 'test' });
    expect(report.status).toBe('committed');
  };
  const regionChart = async (code: string) => {
    const page = await html(await ctx.app.request(`/indicators/${code}?asof=2021-10`));
    const figure = page.$$('figure.chart').find((f) => f.textContent?.includes('各地区最新值'));
    return {
      page,
      figure,
      bars: [...(figure?.querySelectorAll('rect title') ?? [])].map((t) => t.textContent),
    };
  };

  it('charts and adds up the prefectures, not their counties as well', async () => {
    await upload('prefectures-and-counties.csv', '2021-T10-1', [
      ['全省', 10000],
      ['长春市', 6000],
      ['吉林市', 4000],
      ['南关区', 2500],
      ['宽城区', 1500],
    ]);
    const { page, figure, bars } = await regionChart('2021-T10-1');
    expect(bars).toEqual(['长春市：6,000人', '吉林市：4,000人']);
    expect(figure?.querySelector('figcaption')?.textContent).toContain(
      '全省 1万人，各地区合计 1万人，二者一致',
    );
    expect(page.text).toContain('另有 2 个县（市、区）报送了数据');
  });

  it('charts the counties when no prefecture reported', async () => {
    await upload('counties-only.csv', '2021-T26-2', [
      ['南关区', 300],
      ['宽城区', 200],
    ]);
    const { bars } = await regionChart('2021-T26-2');
    expect(bars).toEqual(['南关区：300户', '宽城区：200户']);
  });

  it('does not draw a bar for each of more counties than a chart can show, and says so', async () => {
    const counties = (await ctx.store.all<{ name: string; level: string }>('reference/regions')).filter(
      (r) => r.level === 'county',
    );
    expect(counties.length).toBeGreaterThan(REGION_BARS_MAX);
    const rows = counties.slice(0, REGION_BARS_MAX + 1).map((r): [string, number] => [r.name, 10]);
    await upload('many-counties.csv', '2021-T26-3', rows);
    const { page, figure } = await regionChart('2021-T26-3');
    expect(figure).toBeUndefined();
    expect(page.text).toContain(`${REGION_BARS_MAX + 1} 个地区报送了最新值，数量较多，不作图`);
  });

  it('lists the newest 200 values of the history on the page, the same as the last 200 of the whole', async () => {
    const counties = (await ctx.store.all<{ name: string; level: string }>('reference/regions')).filter(
      (r) => r.level === 'county',
    );
    const rows = counties
      .slice(0, 25)
      .flatMap((r) =>
        [
          '2021-01',
          '2021-02',
          '2021-03',
          '2021-04',
          '2021-05',
          '2021-06',
          '2021-07',
          '2021-08',
          '2021-09',
        ].map((period) => `2021-T26-1,${period},${r.name},5`),
      );
    const file = path.join(ctx.dir, 'long-history.csv');
    writeFileSync(file, ['指标编码,统计期,地区,数值', ...rows].join('\n'));
    expect((await importFile(ctx.store, file, { fileName: 'long-history.csv', by: 'test' })).status).toBe(
      'committed',
    );
    const all = (await (await ctx.app.request('/api/indicators/2021-T26-1/actuals')).json()) as {
      actuals: { period: string; region: string }[];
    };
    expect(all.actuals).toHaveLength(225);
    const page = await html(await ctx.app.request('/indicators/2021-T26-1'));
    expect(page.text).toContain('填报历史（最近 200 条）');
    const listed = page.$$('table.history tbody tr').map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent);
      return `${cells[0]} ${cells[1]}`;
    });
    expect(listed).toEqual(all.actuals.slice(-200).map((a) => `${a.period.slice(0, 7)} ${a.region}`));
  });
});
