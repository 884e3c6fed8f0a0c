import { describe, expect, it } from 'vitest';
import { layoutColumns } from '../../src/ingest/columns.js';
import { periodInText, periodOfHeader } from '../../src/ingest/periods.js';
import { findTable } from '../../src/ingest/table.js';

function found(rows: string[][], sheet?: string) {
  const result = findTable(rows, { sheet });
  if (!result.ok) throw new Error(result.message);
  return result.table;
}

describe('ingest/periods', () => {
  it('reads the period phrases offices write in headers, with the month they end and their basis', () => {
    const cases: [string, number | null, number, 'cumulative' | 'increment' | null][] = [
      ['1-3月', null, 3, 'cumulative'],
      ['1—6月', null, 6, 'cumulative'],
      ['1～6月', null, 6, 'cumulative'],
      ['１－３月', null, 3, 'cumulative'],
      ['1至9月', null, 9, 'cumulative'],
      ['1-10月累计', null, 10, 'cumulative'],
      ['截至10月底', null, 10, 'cumulative'],
      ['2021年1-10月', 2021, 10, 'cumulative'],
      ['4-6月', null, 6, 'increment'],
      ['一季度', null, 3, 'cumulative'],
      ['二季度', null, 6, 'increment'],
      ['第三季度', null, 9, 'increment'],
      ['上半年', null, 6, 'cumulative'],
      ['前三季度', null, 9, 'cumulative'],
      ['全年', null, 12, 'cumulative'],
      ['10月当月', null, 10, 'increment'],
      ['10月', null, 10, null],
      ['10月份', null, 10, null],
      ['2021-10', 2021, 10, null],
      ['2021年10月', 2021, 10, null],
      ['202110', 2021, 10, null],
      ['1-3月（万人）', null, 3, 'cumulative'],
    ];
    for (const [text, year, month, basis] of cases)
      expect(periodOfHeader(text), text).toEqual({ year, month, basis });
    for (const text of ['全年目标', '目标值', '13月', '3-1月', '指标名称', '2021年'])
      expect(periodOfHeader(text), text).toBeNull();
  });

  it('finds the period a title names, and never reads a filing date as one', () => {
    expect(periodInText('2021年新型城镇化重点任务指标完成情况（1-10月）')).toEqual({
      year: 2021,
      month: 10,
      basis: 'cumulative',
    });
    expect(periodInText('2021年上半年重点指标')).toEqual({ year: 2021, month: 6, basis: 'cumulative' });
    expect(periodInText('重点任务完成情况表')).toBeNull();
  });
});

describe('ingest/table findTable', () => {
  it('skips title rows, a 填报单位 line and reads the title’s year, period and unit', () => {
    const t = found([
      ['2021年新型城镇化重点任务指标完成情况（1-10月）', '', ''],
      ['填报单位：省统计局', '', '单位：万人'],
      ['', '', ''],
      ['指标名称', '1-3月', '1-6月'],
      ['职业技能培训', '0.9', '1.8'],
    ]);
    expect(t.header).toEqual({ first: 4, last: 4 });
    expect(t.dataStart).toBe(5);
    expect(t.titleRows).toEqual([1, 2]);
    expect(t.skipped).toEqual([{ row: 3, kind: 'blank' }]);
    expect(t.context).toMatchObject({ year: 2021, period: { month: 10, basis: 'cumulative' }, unit: '万人' });
    expect(t.layout.months.map((m) => [m.name, m.year, m.month, m.basis])).toEqual([
      ['1-3月', 2021, 3, 'cumulative'],
      ['1-6月', 2021, 6, 'cumulative'],
    ]);
  });

  it('combines a two-row header: 完成情况 merged over 1-3月 | 1-6月, and names merged down', () => {
    const t = found([
      ['序号', '指标名称', '目标值', '完成情况', '', '备注'],
      ['', '', '', '1-3月', '1-6月', ''],
      ['1', '职业技能培训', '3.6', '0.9', '1.8', ''],
    ]);
    expect(t.header).toEqual({ first: 1, last: 2 });
    expect(t.names).toEqual(['序号', '指标名称', '目标值', '1-3月', '1-6月', '备注']);
    expect(t.parents.slice(3, 5)).toEqual(['完成情况', '完成情况']);
    expect(t.layout.roles.target?.name).toBe('目标值');
    expect(t.layout.format).toBe('wide');
  });

  it('takes a year or 当月 from the row above: 2021年 over 一季度 | 二季度, 当月 over 1月 | 2月', () => {
    const years = found([
      ['指标', '2021年', ''],
      ['', '一季度', '二季度'],
      ['x', '1', '2'],
    ]);
    expect(years.layout.months.map((m) => [m.year, m.month, m.basis])).toEqual([
      [2021, 3, 'cumulative'],
      [2021, 6, 'increment'],
    ]);
    const monthly = found([
      ['指标名称', '当月', ''],
      ['', '1月', '2月'],
      ['x', '1', '2'],
    ]);
    expect(monthly.layout.months.map((m) => m.basis)).toEqual(['increment', 'increment']);
  });

  it('skips a 栏次 row and a unit row under the header, and keeps per-column units', () => {
    const t = found([
      ['指标名称', '单位', '1-3月', '1-6月'],
      ['甲', '乙', '1', '2'],
      ['职业技能培训', '万人', '0.9', '1.8'],
    ]);
    expect(t.skipped).toEqual([{ row: 2, kind: 'column_numbers' }]);
    expect(t.dataStart).toBe(3);
    const units = found([
      ['指标名称', '1-3月', '1-6月'],
      ['', '万人', '万人'],
      ['职业技能培训', '0.9', '1.8'],
    ]);
    expect(units.names).toEqual(['指标名称', '1-3月（万人）', '1-6月（万人）']);
    expect(units.layout.units).toEqual({ 1: '万人', 2: '万人' });
  });

  it('reads a statistics form (指标 | 本月 | 累计) as columns of the period its title names', () => {
    const t = found([
      ['2021年10月重点指标完成情况'],
      ['指标名称', '本月', '累计', '同比增长%'],
      ['x', '1', '2', '3'],
    ]);
    expect(t.layout.format).toBe('wide');
    expect(t.layout.months.map((m) => [m.name, m.year, m.month, m.basis])).toEqual([
      ['累计', 2021, 10, 'cumulative'],
    ]);
    expect(t.layout.ignored.map((c) => c.name)).toEqual(['同比增长%', '本月']);
  });

  it('says which rows it looked at and which names it expected when there is no header', () => {
    const result = findTable([['2021年工作总结'], ['今年以来，我们……'], ['一是……']]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('已查看第1–3行');
    expect(result.message).toContain('第1行为“2021年工作总结”');
    expect(result.message).toContain('“指标名称”或“指标编码”');
  });
});

describe('ingest/columns layoutColumns', () => {
  it('reads 目标值 as a target, 完成率 as derived, and keeps 累计 over 本月 for the same period', () => {
    const layout = layoutColumns(['指标编码', '统计期', '本月', '累计完成', '目标值', '完成率（%）']);
    expect(layout.roles.value?.name).toBe('累计完成');
    expect(layout.roles.target?.name).toBe('目标值');
    expect(layout.ignored.map((c) => c.name)).toEqual(['完成率（%）', '本月']);
    expect(layout.problems).toEqual([]);
  });

  it('keeps the cumulative column when 二季度 and 上半年 both end in June, and refuses two cumulative ones', () => {
    const ok = layoutColumns(['指标名称', '一季度', '二季度', '上半年']);
    expect(ok.months.map((m) => m.name)).toEqual(['一季度', '上半年']);
    const clash = layoutColumns(['指标名称', '1-6月', '上半年']);
    expect(clash.problems.map((p) => [p.code, p.message])).toEqual([
      ['duplicate_column', '列“1-6月”和“上半年”都是1-6月的数值，请只保留一列。'],
    ]);
  });
});
