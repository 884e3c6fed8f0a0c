import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type ImportReport, importFile } from '../../src/ingest/import.js';
import { uploadProblems } from '../../src/ingest/uploads.js';
import { MAX_CELLS, MAX_COLUMNS } from '../../src/ingest/workbook-limits.js';
import { Store } from '../../src/store/store.js';
import { historyByCode, ingestStore } from '../helpers/ingest.js';
import { seededApp, type TempStore, tempStore } from '../helpers/store.js';
import {
  BUREAU_DATA,
  BUREAU_HEADER,
  BUREAU_STORED,
  columnLetters,
  stored,
  workbookParts,
  writeWorkbook,
  writeZip,
} from './sheets.js';

/** The bureau's sheet as it keeps it in Excel: merged title, two-row header, formulas, percent cells. */
function bureauSheet(sheet: ExcelJS.Worksheet) {
  sheet.addRow(['2021年新型城镇化重点任务指标完成情况（1-10月）']);
  sheet.mergeCells('A1:J1');
  sheet.addRow([
    '填报单位：省统计局',
    null,
    null,
    null,
    null,
    null,
    '填报日期：',
    new Date(Date.UTC(2021, 10, 5)),
  ]);
  sheet.addRow(['序号', '指标名称', '地区', '单位', '目标值', '完成情况', null, null, null, '备注']);
  sheet.addRow([null, null, null, null, null, '1-3月', '1-6月', '1-9月', '1-10月', null]);
  for (const column of ['A', 'B', 'C', 'D', 'E', 'J']) sheet.mergeCells(`${column}3:${column}4`);
  sheet.mergeCells('F3:I3');
  // One indicator over two regions: its name is merged down over both rows.
  sheet.addRow([
    1,
    '职业技能培训（万人）',
    '长春市',
    '万人',
    3.6,
    0.5,
    { formula: 'F5*2', result: 1 },
    1.5,
    null,
    null,
  ]);
  sheet.addRow([null, null, '吉林市', '万人', 3.6, 0.4, 0.8, 1.2, '—', null]);
  sheet.mergeCells('B5:B6');
  sheet.mergeCells('A5:A6');
  sheet.addRow([2, '新筹集公租房（套）', '全省', '套', 1000, 200, '—', 600, 800, null]);
  sheet.addRow([
    3,
    '县域内就诊率（%）',
    '全省',
    '%',
    0.9,
    0.885,
    0.89,
    null,
    { formula: 'G7+0.02', result: 0.91 },
    '快报',
  ]);
  for (const column of ['E', 'F', 'G', 'H', 'I']) sheet.getCell(`${column}8`).numFmt = '0.0%';
  sheet.addRow([]);
  sheet.addRow(['注：1-10月数据为快报数，吉林市10月数据未报。']);
  sheet.mergeCells('A10:J10');
}

describe('ingest: Excel workbooks (.xlsx)', () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await ingestStore();
  });
  afterEach(async () => temp.cleanup());

  const upload = (file: string, options: { dryRun?: boolean } = {}) =>
    importFile(temp.store, file, { fileName: path.basename(file), by: 'test', ...options });

  it('imports the bureau workbook: merged cells, two-row header, formula results, percent cells, skipped sheets', async () => {
    const file = await writeWorkbook(path.join(temp.dir, '重点任务.xlsx'), [
      { name: '1-10月', fill: bureauSheet },
      { name: '填报说明', fill: (s) => s.addRow(['请于每月5日前报送。']) },
      { name: '参数', state: 'hidden', fill: (s) => s.addRow(['指标名称', '1-3月']) },
    ]);
    const report = await upload(file);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ status: 'committed', encoding: 'xlsx', format: 'wide' });
    expect(report.counts).toMatchObject({ lines: 4, values: 16, new: 12, blank: 4, errors: 0 });
    expect(await stored(temp, '2021-T1-1')).toEqual([
      ['2021-03-31', '吉林市', 4000, 'cumulative'],
      ['2021-03-31', '长春市', 5000, 'cumulative'],
      ['2021-06-30', '吉林市', 8000, 'cumulative'],
      ['2021-06-30', '长春市', 10000, 'cumulative'],
      ['2021-09-30', '吉林市', 12000, 'cumulative'],
      ['2021-09-30', '长春市', 15000, 'cumulative'],
    ]);
    expect(await stored(temp, '2021-T1-2')).toEqual(BUREAU_STORED['2021-T1-2']);
    expect(await stored(temp, '2021-T2-1')).toEqual([
      ['2021-03-31', '全省', 88.5, 'cumulative'],
      ['2021-06-30', '全省', 89, 'cumulative'],
      ['2021-10-31', '全省', 91, 'cumulative'],
    ]);
    // Every value keeps the row Excel shows: 吉林市 is row 6.
    const rows = await historyByCode(temp.store, '2021-T1-1');
    expect(rows.filter((r) => r.region === '吉林市').map((r) => r.line)).toEqual([6, 6, 6]);
    expect(report.changes.every((c) => c.sheet === '1-10月')).toBe(true);
    expect(report.layout?.skippedSheets).toEqual([
      { sheet: '填报说明', reason: '没有找到表头（已查看第1行）' },
      { sheet: '参数', reason: '隐藏的工作表' },
    ]);
    expect(report.layout?.summary).toEqual([
      '工作表“1-10月”：第1–2行为标题，第9行为空行，第10行为注释，已跳过；表头在第3–4行。',
      '工作表“1-10月”：标题中的统计期为2021年1-10月。',
      '工作表“1-10月”：“单位”列的数值单位为“万人”，已乘以10,000（6个数值）。',
      '工作表“填报说明”未导入：没有找到表头（已查看第1行）。',
      '工作表“参数”未导入：隐藏的工作表。',
    ]);
  });

  it('reads the same bureau table from a CSV and from a workbook into the same values', async () => {
    const file = await writeWorkbook(path.join(temp.dir, 'bureau.xlsx'), [
      {
        name: '1-10月',
        fill: (s) => {
          s.addRow(['2021年新型城镇化重点任务指标完成情况（1-10月）']);
          s.addRow(BUREAU_HEADER);
          for (const row of BUREAU_DATA)
            s.addRow(row.map((cell) => (/^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)));
        },
      },
    ]);
    const report = await upload(file);
    expect(report.problems).toEqual([]);
    for (const [code, values] of Object.entries(BUREAU_STORED))
      expect(await stored(temp, code), code).toEqual(values);
  });

  it('reads date cells as periods: a month format as that month’s end, a day format as that day', async () => {
    const file = await writeWorkbook(path.join(temp.dir, 'dates.xlsx'), [
      {
        name: '明细',
        fill: (s) => {
          s.addRow(['指标编码', '统计期', '数值']);
          s.addRow(['2021-T1-1', new Date(Date.UTC(2021, 2, 1)), 1000]);
          s.addRow(['2021-T1-2', new Date(Date.UTC(2021, 5, 15)), 20]);
          s.getCell('B2').numFmt = 'yyyy"年"m"月"';
          s.getCell('B3').numFmt = 'yyyy-mm-dd';
        },
      },
    ]);
    const report = await upload(file);
    expect(report.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([['2021-03-31', '全省', 1000, 'cumulative']]);
    expect(await stored(temp, '2021-T1-2')).toEqual([['2021-06-15', '全省', 20, 'cumulative']]);
  });

  it('reads a number formatted as 0.0"万人" as 万, and one whose format moves the point as written', async () => {
    const file = await writeWorkbook(path.join(temp.dir, 'formats.xlsx'), [
      {
        name: '6月',
        fill: (s) => {
          s.addRow(['指标编码', '统计期', '数值']);
          s.addRow(['2021-T1-1', '2021-05', 1.5]);
          s.addRow(['2021-T1-1', '2021-06', 18000]);
          s.getCell('C2').numFmt = '0.0"万人"';
          s.getCell('C3').numFmt = '0!.0000"万"';
        },
      },
    ]);
    const report = await upload(file);
    expect(report.problems).toEqual([]);
    expect((await stored(temp, '2021-T1-1')).map((r) => [r[0], r[2]])).toEqual([
      ['2021-05-31', 15000],
      ['2021-06-30', 18000],
    ]);
  });

  it('reads every sheet of indicator rows and names each problem by its sheet and row', async () => {
    const quarter = (rows: (string | number)[][]) => (s: ExcelJS.Worksheet) => {
      s.addRow(['指标编码', '指标名称', '1月', '2月', '3月']);
      for (const row of rows) s.addRow(row);
    };
    const file = await writeWorkbook(path.join(temp.dir, 'two.xlsx'), [
      { name: '一季度', fill: quarter([['2021-T1-1', '职业技能培训', 100, 200, 300]]) },
      {
        name: '二季度',
        fill: (s) => {
          s.addRow(['填报单位：省人社厅']);
          s.addRow(['指标编码', '4月', '5月', '3月']);
          s.addRow(['2021-T1-1', 400, 'abc', 300]);
          s.addRow(['2021-T9-9', 1, 2, 3]);
        },
      },
    ]);
    const report = await upload(file);
    expect(report.status).toBe('rejected');
    expect(report.problems.map((p) => [p.sheet, p.line, p.column, p.code])).toEqual([
      ['二季度', 3, '5月', 'bad_number'],
      ['二季度', 3, '指标编码', 'duplicate_key'],
      // A row's unknown indicator is one problem, not one per month column.
      ['二季度', 4, '指标编码', 'unknown_indicator'],
    ]);
    expect(report.counts.errors).toBe(3);
    expect(report.problems[0]?.message).toBe(
      '工作表“二季度”第3行：无法识别数值“abc”，应为数字，如 36000、3.6万 或 90%',
    );
    expect(report.problems[1]?.message).toBe(
      '工作表“二季度”第3行：与工作表“一季度”第2行重复：同一指标、地区、统计期在文件中出现了两次',
    );
    // The rejected upload keeps the same messages.
    const kept = await uploadProblems(temp.store, report.uploadId ?? 0);
    expect(kept.map((p) => p.message)).toEqual(report.problems.map((p) => p.message));
    expect(await stored(temp, '2021-T1-1')).toEqual([]);
  });

  it('reads a sheet of regions by indicator whose name gives the period (2021年1-6月)', async () => {
    const file = await writeWorkbook(path.join(temp.dir, 'by-indicator.xlsx'), [
      {
        name: '2021年1-6月',
        fill: (s) => {
          s.addRow(['序号', '地区', '职业技能培训', '县域内就诊率（%）']);
          s.addRow([1, '长春市', 5000, 91]);
          s.addRow([2, '延边州', 3000, 88]);
        },
      },
    ]);
    const report = await upload(file);
    expect(report.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([
      ['2021-06-30', '延边朝鲜族自治州', 3000, 'cumulative'],
      ['2021-06-30', '长春市', 5000, 'cumulative'],
    ]);
    expect((await stored(temp, '2021-T2-1')).map((r) => r[2])).toEqual([88, 91]);
  });

  it('reads regions by indicator with 本月 | 累计 under each indicator’s merged name: the 累计 of each', async () => {
    const file = await writeWorkbook(path.join(temp.dir, 'by-indicator-months.xlsx'), [
      {
        name: 'Sheet1',
        fill: (s) => {
          s.addRow(['2021年9月各市州重点指标进展情况']);
          s.addRow(['地区', '职业技能培训（万人）', null, '新筹集公租房（套）', null]);
          s.addRow([null, '本月', '累计', '本月', '累计']);
          s.addRow(['长春市', 0.1, 0.5, 5, 20]);
          s.addRow(['吉林市', 0.05, 0.3, 2, 10]);
          s.mergeCells('A2:A3');
          s.mergeCells('B2:C2');
          s.mergeCells('D2:E2');
        },
      },
    ]);
    const report = await upload(file);
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('committed');
    // The unit over the indicator's name (万人) is each of its columns'.
    expect(await stored(temp, '2021-T1-1')).toEqual([
      ['2021-09-30', '吉林市', 3000, 'cumulative'],
      ['2021-09-30', '长春市', 5000, 'cumulative'],
    ]);
    expect(await stored(temp, '2021-T1-2')).toEqual([
      ['2021-09-30', '吉林市', 10, 'cumulative'],
      ['2021-09-30', '长春市', 20, 'cumulative'],
    ]);
    expect(report.layout?.summary).toContain(
      '工作表“Sheet1”：“新筹集公租房（套）本月”列未导入：与“新筹集公租房（套）累计”为同一统计期，已按累计值导入。',
    );
  });

  it('reads 年度任务 | 累计完成 | 完成率 under each indicator: its value imported, its target checked, its rate left out', async () => {
    const file = await writeWorkbook(path.join(temp.dir, 'by-indicator-targets.xlsx'), [
      {
        name: 'Sheet1',
        fill: (s) => {
          s.addRow(['2021年1-9月各市州重点指标完成情况']);
          s.addRow(['市州', '职业技能培训（万人）', null, null, '新筹集公租房', null, null]);
          s.addRow([
            null,
            '年度任务',
            '累计完成',
            '完成率（%）',
            '年度任务（套）',
            '累计完成（套）',
            '完成率（%）',
          ]);
          s.addRow(['全省', 3.6, 2, 55.6, 900, 600, 66.7]);
          // A city's own target is not the catalogue's (the province's): never held to it.
          s.addRow(['长春市', 1.2, 0.8, 66.7, 300, 200, 66.7]);
          s.mergeCells('A2:A3');
          s.mergeCells('B2:D2');
          s.mergeCells('E2:G2');
        },
      },
    ]);
    const report = await upload(file);
    expect(report.status).toBe('committed');
    // Each target is checked against its own indicator's: 3.6万人 is 2021-T1-1's, 900 is not 1000套.
    expect(report.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [4, '年度任务（套）', 'target_mismatch'],
    ]);
    expect(report.problems[0]?.message).toContain('2021-T1-2 的目标值 1,000套');
    expect(await stored(temp, '2021-T1-1')).toEqual([
      ['2021-09-30', '全省', 20000, 'cumulative'],
      ['2021-09-30', '长春市', 8000, 'cumulative'],
    ]);
    expect(await stored(temp, '2021-T1-2')).toEqual([
      ['2021-09-30', '全省', 600, 'cumulative'],
      ['2021-09-30', '长春市', 200, 'cumulative'],
    ]);
    expect(report.layout?.summary).toContain(
      '工作表“Sheet1”：“新筹集公租房完成率（%）”列未导入：为计算或计划数，不作为完成值导入。',
    );
  });

  it('imports hidden rows and columns as Excel’s own CSV would, and says so', async () => {
    const file = await writeWorkbook(path.join(temp.dir, 'hidden.xlsx'), [
      {
        name: '月报',
        fill: (s) => {
          s.addRow(['指标名称', '1-3月', '1-6月']);
          s.addRow(['职业技能培训', 500, 900]);
          s.addRow(['新筹集公租房', 10, 20]);
          s.getRow(3).hidden = true;
          s.getColumn(2).hidden = true;
        },
      },
    ]);
    const report = await upload(file);
    expect(report.status).toBe('committed');
    expect(report.counts).toMatchObject({ new: 4, warnings: 2 });
    expect(report.problems.map((p) => [p.code, p.severity, p.message])).toEqual([
      [
        'hidden_rows',
        'warning',
        '工作表“月报”：第3行是隐藏行，已照常导入；如不应上报，请删除这些行后再上传。',
      ],
      [
        'hidden_columns',
        'warning',
        '工作表“月报”：“1-3月”列是隐藏列，已照常导入；如不应上报，请删除这些列后再上传。',
      ],
    ]);
  });

  it('reads a workbook of one sheet per indicator: the sheet’s name names the indicator of its rows', async () => {
    const indicator = (rows: [string, number][]) => (s: ExcelJS.Worksheet) => {
      s.addRow(['2021年1-6月各市州完成情况']);
      s.addRow(['地区', '完成数']);
      for (const row of rows) s.addRow(row);
    };
    const file = await writeWorkbook(path.join(temp.dir, 'indicators.xlsx'), [
      { name: '职业技能培训', fill: indicator([['长春市', 500]]) },
      { name: '新筹集公租房（套）', fill: indicator([['延边州', 30]]) },
    ]);
    const report = await upload(file);
    expect(report.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([['2021-06-30', '长春市', 500, 'cumulative']]);
    expect(await stored(temp, '2021-T1-2')).toEqual([['2021-06-30', '延边朝鲜族自治州', 30, 'cumulative']]);
    expect(report.layout?.summary).toContain(
      '工作表“新筹集公租房（套）”：表中没有指标列，工作表名中的指标为“新筹集公租房”。',
    );
  });

  it('reads a workbook of one sheet per region: the sheet’s name is the region of its rows', async () => {
    const region = (value: number) => (s: ExcelJS.Worksheet) => {
      s.addRow(['指标名称', '1-3月']);
      s.addRow(['职业技能培训', value]);
    };
    const file = await writeWorkbook(path.join(temp.dir, 'regions.xlsx'), [
      { name: '长春市', fill: region(500) },
      { name: '延边州', fill: region(300) },
      // A short form only one region has, and a name that starts with a region.
      { name: '吉林', fill: region(200) },
      { name: '四平市上报', fill: region(100) },
    ]);
    const report = await upload(file);
    expect(report.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([
      ['2021-03-31', '吉林市', 200, 'cumulative'],
      ['2021-03-31', '四平市', 100, 'cumulative'],
      ['2021-03-31', '延边朝鲜族自治州', 300, 'cumulative'],
      ['2021-03-31', '长春市', 500, 'cumulative'],
    ]);
    expect(report.layout?.summary).toContain(
      '工作表“延边州”：工作表名为地区，未填地区的行按“延边朝鲜族自治州”导入。',
    );
  });

  it('reports a formula saved without its result, naming sheet, row and column', async () => {
    const file = await writeWorkbook(path.join(temp.dir, 'formula.xlsx'), [
      {
        name: '月报',
        fill: (s) => {
          s.addRow(['指标编码', '统计期', '数值', '完成率']);
          s.addRow(['2021-T1-1', '2021-03', { formula: 'SUM(E2:F2)' }, { formula: 'C2/36000' }]);
        },
      },
    ]);
    const report = await upload(file);
    expect(report.status).toBe('rejected');
    // Only the imported column counts: 完成率 is not read.
    expect(report.problems.map((p) => [p.sheet, p.line, p.column, p.code, p.message])).toEqual([
      [
        '月报',
        2,
        '数值',
        'formula_without_result',
        '工作表“月报”第2行：单元格是公式（=SUM(E2:F2)），但文件中没有保存计算结果。请在 Excel 中打开此文件、保存后再上传。',
      ],
    ]);
  });

  it('says which sheets were looked at when no sheet has a table', async () => {
    const file = await writeWorkbook(path.join(temp.dir, 'none.xlsx'), [
      { name: '封面', fill: (s) => s.addRow(['2021年工作台账']) },
      { name: '目录', fill: (s) => s.addRow(['一、重点任务', '二、指标']) },
    ]);
    const report = await upload(file);
    expect(report.status).toBe('rejected');
    expect(report.problems[0]?.message).toBe(
      '工作簿中没有可导入的表格：工作表“封面”没有找到表头（已查看第1行）；工作表“目录”没有找到表头（已查看第1行）。',
    );
    expect(report.problems[1]?.message).toContain('工作表“封面”：没有找到表头');
    expect(report.problems[1]?.message).toContain('“指标名称”或“指标编码”');
  });

  it("names a web page saved as .xls (a system's 导出Excel) and an Excel 2003 XML sheet, saying how to save them", async () => {
    const pages = [
      '\uFEFF  <html><head><meta charset="utf-8"></head><body><table><tr><td>指标编码</td></tr></table></body></html>',
      '<table border="1"><tr><td>指标编码</td><td>数值</td></tr></table>',
      '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook></Workbook>',
    ];
    for (const [i, page] of pages.entries()) {
      const file = path.join(temp.dir, `导出${i}.xls`);
      writeFileSync(file, page);
      const report = await upload(file);
      expect(report.status).toBe('rejected');
      expect(report.problems.map((p) => p.code)).toEqual(['web_page']);
      expect(report.problems[0]?.message).toContain('网页格式（HTML');
    }
  });

  it('refuses a legacy .xls and a password-protected workbook, saying how to save them', async () => {
    const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const xls = path.join(temp.dir, '台账.csv'); // the name says CSV: the content decides
    writeFileSync(xls, Buffer.concat([ole2, Buffer.alloc(4096)]));
    const legacy = await upload(xls);
    expect(legacy.status).toBe('rejected');
    expect(legacy.problems.map((p) => p.code)).toEqual(['legacy_xls']);
    expect(legacy.problems[0]?.message).toContain('另存为 .xlsx 或 CSV 后再上传');
    expect(legacy.problems[0]?.message).toContain('旧版 Excel 工作簿（.xls）');
    const locked = path.join(temp.dir, 'locked.xlsx');
    writeFileSync(
      locked,
      Buffer.concat([ole2, Buffer.alloc(512), Buffer.from('EncryptedPackage', 'utf16le')]),
    );
    expect((await upload(locked)).problems.map((p) => p.code)).toEqual(['encrypted']);
  });

  it('refuses a sheet of 100,000 columns from its dimension, before reading its cells', async () => {
    const width = 100_000;
    const cells = Array.from(
      { length: width },
      (_, i) => `<c r="${columnLetters(i + 1)}1"><v>${i}</v></c>`,
    ).join('');
    // The cells after the dimension are cut off: reading them would fail as a damaged file instead.
    const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:${columnLetters(width)}1"/><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
    const file = writeZip(path.join(temp.dir, 'wide.xlsx'), workbookParts('宽表', xml));
    const report = await upload(file);
    expect(report.status).toBe('rejected');
    expect(report.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'sheet_too_wide',
        `工作表“宽表”范围为 A1:EQXD1，共 100,000 列，超过每个工作表 ${MAX_COLUMNS.toLocaleString('en')} 列的上限，文件未读取。请删除表格右侧多余的列（或只把填报表格复制到新工作簿）后再上传。`,
      ],
    ]);
    // Without a dimension the cells themselves are counted, and the first one too far right stops it.
    const bare = writeZip(
      path.join(temp.dir, 'bare.xlsx'),
      workbookParts('宽表', xml.replace(/<dimension[^>]*>/, '')),
    );
    expect((await upload(bare)).problems[0]?.message).toContain('工作表“宽表”有内容的单元格到第');
  });

  it('refuses too many cells, and a part that inflates to more than it declares (a zip bomb)', async () => {
    const rows = 1001;
    const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:ALL${rows}"/><sheetData/></worksheet>`;
    const tall = writeZip(path.join(temp.dir, 'tall.xlsx'), workbookParts('全年', xml));
    expect((await upload(tall)).problems.map((p) => p.code)).toEqual(['too_many_cells']);
    expect((await upload(tall)).problems[0]?.message).toContain(
      `共 1,001,000 个单元格，超过每个工作簿 ${MAX_CELLS.toLocaleString('en')} 个单元格的上限`,
    );
    const parts = workbookParts('月报', '<worksheet/>');
    const bomb = writeZip(path.join(temp.dir, 'bomb.xlsx'), [
      ...parts,
      { name: 'xl/media/image1.png', data: Buffer.alloc(20 << 20), declare: 1024 },
    ]);
    const report = await upload(bomb);
    expect(report.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'bad_xlsx',
        '工作簿已损坏（“xl/media/image1.png”无法解压）。请在 Excel 中打开后另存为 .xlsx（或 CSV）再上传。',
      ],
    ]);
    const huge = writeZip(path.join(temp.dir, 'huge.xlsx'), [
      ...parts,
      { name: 'xl/big.xml', data: 'x', declare: 2 ** 31 },
    ]);
    expect((await upload(huge)).problems.map((p) => p.code)).toEqual(['workbook_too_large']);
    const docx = writeZip(path.join(temp.dir, 'report.xlsx'), [{ name: 'word/document.xml', data: '<w/>' }]);
    expect((await upload(docx)).problems[0]?.message).toBe(
      '这是 Word 文档（.docx），不是 Excel 工作簿或 CSV 文件。',
    );
  });
});

describe('ingest: a workbook through the JSON API', () => {
  it('answers POST /api/uploads with an .xlsx body with the report, its layout and sheet rows', async () => {
    const ctx = await seededApp();
    try {
      const file = await writeWorkbook(path.join(ctx.dir, 'api.xlsx'), [
        {
          name: '上半年',
          fill: (s) => {
            s.addRow(['2021年公租房租赁补贴发放情况']);
            s.addRow(['指标名称', '一季度', '上半年']);
            s.addRow(['发放公租房租赁补贴（万户）', 2.1, 4.3]);
          },
        },
      ]);
      const res = await ctx.app.request('/api/uploads?dry_run=1&file_name=api.xlsx', {
        method: 'POST',
        body: readFileSync(file),
        headers: { 'Content-Type': 'application/octet-stream' },
      });
      expect(res.status).toBe(200);
      const report = (await res.json()) as ImportReport;
      expect(report).toMatchObject({ status: 'preview', encoding: 'xlsx', counts: { new: 2, errors: 0 } });
      expect(report.changes.map((c) => [c.sheet, c.line, c.code, c.period, c.value]).sort()).toEqual([
        ['上半年', 3, '2021-T26-2', '2021-03-31', 21000],
        ['上半年', 3, '2021-T26-2', '2021-06-30', 43000],
      ]);
      expect(report.layout?.summary[0]).toBe('工作表“上半年”：第1行为标题，已跳过；表头在第2行。');
    } finally {
      await ctx.cleanup();
    }
  });
});

describe('ingest: npm run import -- file.xlsx', () => {
  it('imports a workbook through the command line and prints what it skipped', async () => {
    const temp = await tempStore();
    try {
      const file = await writeWorkbook(path.join(temp.dir, '农民工培训.xlsx'), [
        {
          name: '1-10月',
          fill: (s) => {
            s.addRow(['2021年农民工培训完成情况（1-10月）']);
            s.addRow(['序号', '指标名称', '1-3月', '1-6月', '1-9月', '1-10月']);
            s.addRow([1, '农民工稳就业职业技能培训（万人次）', 2.5, 5.1, 8, null]);
            s.addRow(['注：10月数据下旬报送。']);
          },
        },
      ]);
      const db = path.join(temp.dir, 'cli.duckdb');
      await temp.store.close();
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', file], {
        cwd: loadConfig({}).seedsDir.replace(/seeds$/, ''),
        env: { ...process.env, TAIZHANG_DB: db },
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('工作表“1-10月”：第1行为标题，第4行为注释，已跳过；表头在第2行。');
      expect(run.stdout).toContain('指标名称中的单位的数值单位为“万人次”，已乘以10,000（3个数值）。');
      const store = await Store.open(db);
      try {
        const rows = await historyByCode(store, '2021-T10-2');
        expect(rows.map((r) => [r.period, r.value])).toEqual([
          ['2021-03-31', 25000],
          ['2021-06-30', 51000],
          ['2021-09-30', 80000],
        ]);
      } finally {
        await store.close();
      }
    } finally {
      await temp.cleanup();
    }
  }, 60_000);
});
