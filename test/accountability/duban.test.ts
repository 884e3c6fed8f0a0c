import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OCTOBER_CSV } from '../helpers/accountability.js';
import { seededApp } from '../helpers/store.js';

type DubanJson = {
  asof: string;
  rows: { code: string; department: string; status: string; gap: number; rank: number }[];
};

describe('accountability: 督办清单', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
    const res = await ctx.app.request('/api/uploads?file_name=october.csv', {
      method: 'POST',
      body: OCTOBER_CSV,
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(res.status).toBe(200);
  });
  afterAll(async () => ctx.cleanup());

  it('lists the lagging bus lines and the unreported rent subsidies with their lead departments', async () => {
    const res = await ctx.app.request('/api/duban?asof=2021-10');
    expect(res.status).toBe(200);
    const body = (await res.json()) as DubanJson;
    expect(body.asof).toBe('2021-10-31');
    const bus = body.rows.find((r) => r.code === '2021-T53-1');
    const rent = body.rows.find((r) => r.code === '2021-T26-2');
    expect(bus).toMatchObject({ department: '省交通运输厅', status: '严重滞后' });
    expect(bus?.gap).toBeCloseTo(10 / 12 - 10 / 30, 3);
    expect(rent).toMatchObject({ department: '省住房城乡建设厅', status: '未报送' });
    // On pace: not on the list.
    expect(body.rows.find((r) => r.code === '2021-T10-1')).toBeUndefined();
    // Ranked by gap within each department.
    for (const department of new Set(body.rows.map((r) => r.department))) {
      const gaps = body.rows.filter((r) => r.department === department).map((r) => r.gap);
      expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    }
  });

  it('narrows to one lead department, short names accepted', async () => {
    const body = (await (
      await ctx.app.request(`/api/duban?asof=2021-10&department=${encodeURIComponent('省交通运输厅')}`)
    ).json()) as DubanJson;
    expect(body.rows.length).toBeGreaterThan(0);
    expect(new Set(body.rows.map((r) => r.department))).toEqual(new Set(['省交通运输厅']));
    expect(body.rows[0]?.rank).toBe(1);
    // Never reported at all counts as no progress: such a row's gap is the whole pace, ahead of the bus lines'.
    expect(body.rows.find((r) => r.code === '2021-T53-1')?.rank).toBeGreaterThan(1);
  });

  it('downloads an XLSX that opens, with typed cells and a frozen header', async () => {
    const res = await ctx.app.request('/api/duban?asof=2021-10&format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('spreadsheetml');
    expect(res.headers.get('Content-Disposition')).toContain('attachment');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('督办清单');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = ((sheet?.getRow(1).values ?? []) as string[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining(['牵头单位', '指标编码', '完成率', '序时进度', '差距', '状态']),
    );
    const rows: Record<string, unknown>[] = [];
    sheet?.eachRow((row, n) => {
      if (n === 1) return;
      rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
    });
    const bus = rows.find((r) => r.指标编码 === '2021-T53-1');
    expect(bus).toMatchObject({ 牵头单位: '省交通运输厅', 累计完成: 10, 目标值: 30 });
    expect(bus?.完成率).toBeCloseTo(1 / 3, 5);
    expect(bus?.完成时限).toBeInstanceOf(Date);
    expect(rows.find((r) => r.指标编码 === '2021-T26-2')).toMatchObject({ 牵头单位: '省住房城乡建设厅' });
  });

  it('writes the same rows as CSV, and shows one printable notice per department on the page', async () => {
    const bytes = Buffer.from(
      await (await ctx.app.request('/api/duban?asof=2021-10&format=csv')).arrayBuffer(),
    );
    const csv = bytes.toString('utf8');
    expect(csv.startsWith('\uFEFF牵头单位,排序,任务序号')).toBe(true);
    expect(csv).toContain('2021-T53-1');
    const page = await ctx.app.request('/duban?asof=2021-10');
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('data-department="省交通运输厅"');
    expect(text).toContain('督办通知');
    expect(text).toContain('/api/duban?asof=2021-10&amp;format=xlsx');
  });
});
