import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OCTOBER_CSV } from '../helpers/accountability.js';
import { html } from '../helpers/html.js';
import { seededApp } from '../helpers/store.js';

type Row = {
  department: string;
  code: string;
  period: string;
  due: string;
  state: string;
  reported_at: string | null;
};

const reporting = async (ctx: Awaited<ReturnType<typeof seededApp>>, query: string) =>
  ((await (await ctx.app.request(`/api/reporting?${query}`)).json()) as { rows: Row[] }).rows;

describe('accountability: reporting calendar (催报)', () => {
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

  it('shows rent subsidies as owed and late for every month after March', async () => {
    const rows = (await reporting(ctx, 'asof=2021-10')).filter((r) => r.code === '2021-T26-2');
    expect(rows.map((r) => [r.period.slice(0, 7), r.state])).toEqual([
      ['2021-01', 'reported'],
      ['2021-02', 'reported'],
      ['2021-03', 'reported'],
      ['2021-04', 'late'],
      ['2021-05', 'late'],
      ['2021-06', 'late'],
      ['2021-07', 'late'],
      ['2021-08', 'late'],
      ['2021-09', 'late'],
      // Due on 10 November: not yet at the end of October.
      ['2021-10', 'not_due'],
    ]);
    expect(rows.every((r) => r.department === '省住房城乡建设厅')).toBe(true);
    expect(rows[3]?.due).toBe('2021-05-10');
    expect(rows[0]?.reported_at).not.toBeNull();
    expect(rows[3]?.reported_at).toBeNull();
  });

  it('tells a skipped month (缺报) from being behind (逾期未报), and judges due dates at the recording time', async () => {
    const res = await ctx.app.request('/api/uploads?file_name=skip.csv', {
      method: 'POST',
      body: '指标编码,统计期,数值\n2021-T26-1,2021-01,1000\n2021-T26-1,2021-03,3000\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(res.status).toBe(200);
    const rows = (await reporting(ctx, 'asof=2021-04')).filter((r) => r.code === '2021-T26-1');
    expect(rows.map((r) => r.state)).toEqual(['reported', 'missing', 'reported', 'not_due']);
    // Seen on 5 April 2021 (known=), nothing had come in yet, and March was not due until the 10th.
    const early = (
      await reporting(ctx, `asof=2021-04&known=${encodeURIComponent('2021-04-05T12:00:00+08:00')}`)
    )
      .filter((r) => r.code === '2021-T26-1')
      .map((r) => r.state);
    expect(early).toEqual(['late', 'late', 'not_due', 'not_due']);
  });

  it('follows a rule set for a department: quarterly, due on the 20th', async () => {
    const res = await ctx.app.request('/reporting/rules', {
      method: 'POST',
      body: new URLSearchParams({
        department: '省住建厅',
        frequency: 'quarterly',
        due_day: '20',
        reason: '按季报送',
      }),
    });
    expect(res.status).toBe(303);
    const rows = (await reporting(ctx, 'asof=2021-10')).filter((r) => r.code === '2021-T26-2');
    expect(rows.map((r) => [r.period.slice(0, 7), r.due, r.state])).toEqual([
      ['2021-03', '2021-04-20', 'reported'],
      ['2021-06', '2021-07-20', 'late'],
      ['2021-09', '2021-10-20', 'late'],
    ]);
    // An indicator's own rule wins over its department's.
    await ctx.app.request('/reporting/rules', {
      method: 'POST',
      body: new URLSearchParams({ code: '2021-T26-2', frequency: 'monthly', due_day: '10' }),
    });
    expect((await reporting(ctx, 'asof=2021-10')).filter((r) => r.code === '2021-T26-2')).toHaveLength(10);
    const audit = await (await ctx.app.request('/admin/audit?action=reporting.rule')).text();
    expect(audit).toContain('按季报送');
  });

  it('draws the department × month grid, the 催报 list, and offers it as CSV and XLSX', async () => {
    const page = await html(await ctx.app.request('/reporting?asof=2021-10'));
    const row = page.document.querySelector('tr[data-department="省住房城乡建设厅"]');
    const cells = [...(row?.querySelectorAll('td') ?? [])].map((td) => td.getAttribute('data-state'));
    // January and February owe only the rent subsidies (monthly by its own rule; the department's
    // other indicators report quarterly now), both in; March also owes 2021-T26-3, never reported.
    expect(cells.slice(0, 3)).toEqual(['reported', 'reported', 'late']);
    expect(cells[4]).toBe('late');
    expect(page.text).toContain('逾期未报：截止日已过');
    const owed = page.document.querySelector('.owed-table tr[data-code="2021-T26-2"]');
    expect(owed?.textContent).toContain('4–9月（6期）');
    const csv = Buffer.from(
      await (await ctx.app.request('/api/reporting?asof=2021-10&format=csv')).arrayBuffer(),
    );
    expect(csv.toString('utf8')).toMatch(/^\uFEFF牵头单位,任务序号,指标编码/);
    expect(csv.toString('utf8')).toContain('2021-T26-2');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from(
        await (await ctx.app.request('/api/reporting?asof=2021-10&format=xlsx')).arrayBuffer(),
      ) as unknown as ArrayBuffer,
    );
    expect(book.worksheets.map((s) => s.name)).toEqual(['催报清单', '应报明细', '说明']);
    // The department page shows what it owes too, and the overview's 未报送 count links here.
    const department = await (
      await ctx.app.request(`/departments/${encodeURIComponent('省住建厅')}?asof=2021-10`)
    ).text();
    expect(department).toContain('owed-table');
    const overview = await (await ctx.app.request('/?asof=2021-10')).text();
    expect(overview).toContain('href="/reporting?asof=2021-10"');
  });

  it('owes a milestone for the month of its deadline in force, as revised (目标调整)', async () => {
    const owedFor = async (query: string) =>
      (await reporting(ctx, query)).filter((r) => r.code === '2021-T1-1').map((r) => r.period);
    // Due once, for its deadline's month: December, after the as-of month of October.
    expect(await owedFor('asof=2021-10')).toEqual([]);
    const res = await ctx.app.request('/api/indicators/2021-T1-1/revisions', {
      method: 'POST',
      body: JSON.stringify({
        deadline: '2021-06-30',
        effective: '2021-01-01',
        source: '省政府办公厅通知',
        reason: '提前完成',
      }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(await owedFor('asof=2021-10')).toEqual(['2021-06-30']);
    // As known before the revision, the original deadline stands.
    expect(await owedFor(`asof=2021-10&known=${encodeURIComponent('2021-11-01T00:00:00Z')}`)).toEqual([]);
  });
});
