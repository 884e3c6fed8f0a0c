import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../helpers/html.js';
import { justBefore, uploadedAt } from '../helpers/known.js';
import { seededApp } from '../helpers/store.js';

type State = {
  code: string;
  target: number | null;
  target_from: string;
  completion: number | null;
  status: string | null;
};
type Report = {
  status: string;
  uploadId: number | null;
  counts: { new: number; revised: number; errors: number; blank: number };
  changes: {
    region: string;
    period: string | null;
    series: string;
    value: number;
    old_value: number | null;
  }[];
  problems: { code: string; message: string; column: string | null; line: number | null }[];
};

const CODE = '2021-T53-1'; // 完成客运班线改造 30条
const NAME = '完成客运班线改造';

/**
 * 目标分解 by upload: rows of 类型 = 目标 (or a sheet of 指标 | 地区 | 分解目标) set each region's
 * target, through the same preview, history and withdrawal as values.
 */
describe('ingest: regional targets by upload (类型 = 目标)', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());

  const upload = async (csv: string, query = '') => {
    const res = await ctx.app.request(`/api/uploads${query}`, {
      method: 'POST',
      body: csv,
      headers: { 'Content-Type': 'text/csv' },
    });
    expect([200, 422]).toContain(res.status);
    return (await res.json()) as Report;
  };
  const state = async (query: string) =>
    (
      (await (await ctx.app.request(`/api/indicators?${query}`)).json()) as { indicators: State[] }
    ).indicators.find((i) => i.code === CODE);

  let targets: Report;
  it('takes a 类型 = 目标 file without a period column and measures each city against its own target', async () => {
    await upload(
      `指标编码,统计期,地区,数值\n${CODE},2021-10,长春市,6\n${CODE},2021-10,吉林市,2\n${CODE},2021-10,四平市,4\n${CODE},2021-10,全省,20\n`,
    );
    const preview = await upload(
      `指标编码,地区,类型,数值\n${CODE},长春市,目标,8\n${CODE},吉林市,目标,6\n`,
      '?dry_run=1',
    );
    expect(preview.status).toBe('preview');
    expect(preview.problems).toEqual([]);
    expect(preview.changes.map((c) => [c.region, c.series, c.period, c.value])).toEqual([
      ['长春市', 'target', null, 8],
      ['吉林市', 'target', null, 6],
    ]);
    // A preview sets nothing.
    expect(await state('region=长春市&asof=2021-10')).toMatchObject({ target: null, status: null });

    targets = await upload(`指标编码,地区,类型,数值\n${CODE},长春市,目标,8\n${CODE},吉林市,目标,6\n`);
    expect(targets.status).toBe('committed');
    expect(targets.counts.new).toBe(2);
    expect(await state('region=长春市&asof=2021-10')).toMatchObject({
      target: 8,
      target_from: 'regional',
      completion: 0.75,
      status: '滞后',
    });
    const jilin = await state('region=吉林市&asof=2021-10');
    expect(jilin?.target).toBe(6);
    expect(jilin?.status).toBe('严重滞后');
    // The province keeps the document's 30; 四平市, with no target of its own, gets no status.
    expect(await state('asof=2021-10')).toMatchObject({ target: 30, target_from: 'document' });
    expect(await state('region=四平市&asof=2021-10')).toMatchObject({ target_from: 'none', status: null });
    // As known just before the targets were uploaded, 长春市 had none.
    const before = justBefore(await uploadedAt(ctx.store, targets.uploadId)).toISOString();
    expect(await state(`region=长春市&asof=2021-10&known=${before}`)).toMatchObject({
      target: null,
      status: null,
    });
  });

  it('shows the targets on the batch page, the indicator page and the regions page', async () => {
    const batch = await html(await ctx.app.request(`/uploads/${targets.uploadId}`));
    const rows = [...batch.document.querySelectorAll('tbody tr')].map((tr) => tr.textContent ?? '');
    expect(rows.some((r) => r.includes('长春市') && r.includes('分解目标') && r.includes('8条'))).toBe(true);

    const page = await html(await ctx.app.request(`/indicators/${CODE}?asof=2021-10`));
    const breakdown = page.document.querySelector('#regional-targets')?.textContent ?? '';
    expect(breakdown).toContain(`第 ${targets.uploadId} 批上传`);
    expect(breakdown).toContain('各地区合计 14条');

    const regions = await html(await ctx.app.request('/regions?asof=2021-10'));
    const row = [...regions.document.querySelectorAll('#region-compare tbody tr')].find((tr) =>
      tr.textContent?.includes(NAME),
    );
    const text = row?.textContent ?? '';
    expect(text).toContain('目标 8 · 75% 滞后');
    // 吉林市's 2 of its 6 is behind; a region without a target shows its share instead (below).
    expect(text).toContain('目标 6 · 33.3% 严重滞后');
    expect(text).toContain('分解目标合计 14／全省目标 30');
    expect(text).toContain('占全省 20%');
    // Its status counts leave 四平市's unbroken-down count out of every status.
    const rollup = [...regions.document.querySelectorAll('#region-rollup thead th')].map(
      (th) => th.textContent,
    );
    expect(rollup).toContain('未分解目标');
  });

  it('revises a target on a later upload (old → new) and ignores one re-sent unchanged', async () => {
    const again = await upload(`指标编码,地区,类型,数值\n${CODE},长春市,目标,9\n${CODE},吉林市,目标,6\n`);
    expect(again.status).toBe('committed');
    expect(again.counts).toMatchObject({ new: 0, revised: 1 });
    expect(again.changes[0]).toMatchObject({ region: '长春市', value: 9, old_value: 8 });
    expect(await state('region=长春市&asof=2021-10')).toMatchObject({ target: 9 });

    // Withdrawn, the earlier 8 counts again; known= before the first target file gives none.
    const withdraw = await ctx.app.request(`/uploads/${again.uploadId}/withdraw`, {
      method: 'POST',
      body: new URLSearchParams({ reason: '分解方案未定稿', confirm: '1' }),
    });
    expect(withdraw.status).toBeLessThan(400);
    expect(await state('region=长春市&asof=2021-10')).toMatchObject({ target: 8 });
  });

  it('reads a 指标名称 | 地区 | 分解目标 sheet, and the form option 分解目标, as targets', async () => {
    const sheet = await upload(`指标名称,地区,分解目标\n${NAME},延边州,3\n`);
    expect(sheet.status).toBe('committed');
    // 延边州 is the region table's 延边朝鲜族自治州 (an alias).
    expect(await state('region=延边朝鲜族自治州&asof=2021-10')).toMatchObject({
      target: 3,
      target_from: 'regional',
    });

    const option = await upload(`指标编码,地区,数值\n${CODE},通化市,2\n`, '?series=target');
    expect(option.status).toBe('committed');
    expect(await state('region=通化市&asof=2021-10')).toMatchObject({ target: 2 });
  });

  it('refuses the province, a milestone and a repeated region, each in Chinese, and skips a blank', async () => {
    const report = await upload(
      [
        '指标编码,地区,类型,数值',
        `${CODE},全省,目标,30`,
        '2021-T1-1,长春市,目标,1',
        `${CODE},四平市,目标,`,
        `${CODE},辽源市,目标,2`,
        `${CODE},辽源市,目标,3`,
      ].join('\n'),
    );
    expect(report.status).toBe('rejected');
    const byCode = Object.fromEntries(report.problems.map((p) => [p.code, p]));
    expect(byCode.province_target?.message).toContain('全省目标以文件为准');
    expect(byCode.milestone_target?.message).toContain('节点任务');
    expect(report.counts).toMatchObject({ errors: 3 });
    expect(byCode.duplicate_key?.message).toContain('同一指标、地区的分解目标');
    // Rejected: nothing of it counts.
    expect(await state('region=辽源市&asof=2021-10')).toMatchObject({ target: null });

    // A file of values still needs its period column.
    const values = await upload(`指标编码,地区,数值\n${CODE},长春市,6\n`);
    expect(values.problems.map((p) => p.code)).toContain('missing_period_column');
  });
});
