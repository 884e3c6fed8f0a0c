/**
 * The 督办清单 and the 催报 list as files an office works with: CSV (UTF-8 with BOM, Chinese
 * headers, formula-like text neutralised) and a real XLSX (typed cells: numbers, percentages,
 * dates; the header row frozen; a notes sheet), the way the snapshots are written.
 */
import ExcelJS from 'exceljs';
import { type Cell, toCsv } from '../export/csv.js';
import { beijingMinute } from '../time.js';
import type { DubanList, DubanRow } from './duban.js';
import { type OwedItem, type ReportingRow, STATE_NAMES, STATE_RULE } from './reporting.js';

type ColumnType = 'string' | 'integer' | 'number' | 'ratio' | 'date' | 'datetime';

interface Column<T> {
  header: string;
  type: ColumnType;
  width: number;
  value: (row: T) => Cell | Date;
}

const KIND_NAMES: Record<string, string> = {
  count: '数量',
  level: '水平',
  coverage: '覆盖率',
  milestone: '节点',
};

export const DUBAN_COLUMNS: Column<DubanRow>[] = [
  { header: '牵头单位', type: 'string', width: 20, value: (r) => r.department },
  { header: '排序', type: 'integer', width: 6, value: (r) => r.rank },
  { header: '任务序号', type: 'integer', width: 8, value: (r) => r.task_seq },
  { header: '任务内容', type: 'string', width: 50, value: (r) => r.task_text },
  { header: '指标编码', type: 'string', width: 12, value: (r) => r.code },
  { header: '指标名称', type: 'string', width: 28, value: (r) => r.name },
  { header: '指标类型', type: 'string', width: 8, value: (r) => KIND_NAMES[r.kind] ?? r.kind },
  { header: '目标值', type: 'number', width: 10, value: (r) => r.target },
  { header: '单位', type: 'string', width: 6, value: (r) => r.unit },
  { header: '累计完成', type: 'number', width: 10, value: (r) => r.actual ?? r.milestone_status },
  { header: '完成率', type: 'ratio', width: 9, value: (r) => r.completion },
  { header: '序时进度', type: 'ratio', width: 9, value: (r) => r.pace },
  { header: '差距', type: 'ratio', width: 9, value: (r) => r.gap },
  { header: '完成时限', type: 'date', width: 12, value: (r) => r.deadline },
  { header: '最近报送期', type: 'date', width: 12, value: (r) => r.last_period },
  {
    header: '状态',
    type: 'string',
    width: 9,
    value: (r) => (r.overdue ? `${r.status}（已过时限）` : r.status),
  },
];

export const OWED_COLUMNS: Column<OwedItem>[] = [
  { header: '牵头单位', type: 'string', width: 20, value: (r) => r.department },
  { header: '任务序号', type: 'integer', width: 8, value: (r) => r.task_seq },
  { header: '指标编码', type: 'string', width: 12, value: (r) => r.code },
  { header: '指标名称', type: 'string', width: 28, value: (r) => r.name },
  { header: '欠报期数', type: 'integer', width: 8, value: (r) => r.periods.length },
  {
    header: '欠报统计期',
    type: 'string',
    width: 40,
    value: (r) => r.periods.map((p) => p.slice(0, 7)).join('、'),
  },
  { header: '最早应报日期', type: 'date', width: 12, value: (r) => r.since },
  { header: '逾期天数', type: 'integer', width: 8, value: (r) => r.days_overdue },
  { header: '最近报送期', type: 'date', width: 12, value: (r) => r.last_period },
  { header: '情况', type: 'string', width: 16, value: (r) => r.states.map((s) => STATE_NAMES[s]).join('、') },
];

export const REPORTING_COLUMNS: Column<ReportingRow>[] = [
  { header: '牵头单位', type: 'string', width: 20, value: (r) => r.department },
  { header: '指标编码', type: 'string', width: 12, value: (r) => r.code },
  { header: '指标名称', type: 'string', width: 28, value: (r) => r.name },
  { header: '统计期', type: 'date', width: 12, value: (r) => r.period },
  { header: '应报日期', type: 'date', width: 12, value: (r) => r.due },
  { header: '状态', type: 'string', width: 10, value: (r) => STATE_NAMES[r.state] },
  { header: '报送时间', type: 'datetime', width: 18, value: (r) => r.reported_at },
  { header: '逾期天数', type: 'integer', width: 8, value: (r) => r.days_overdue },
];

const FORMATS: Partial<Record<ColumnType, string>> = {
  integer: '0',
  number: '#,##0.##',
  ratio: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

/** Text for a CSV cell: dates as YYYY-MM-DD (instants in Beijing time). */
function csvValue(value: Cell | Date, type: ColumnType): Cell {
  if (value instanceof Date) {
    return beijingMinute(value);
  }
  return type === 'ratio' && typeof value === 'number' ? Math.round(value * 10000) / 10000 : value;
}

export function rowsCsv<T>(columns: Column<T>[], rows: T[]): Buffer {
  return Buffer.from(
    toCsv(
      columns.map((c) => c.header),
      rows.map((row) => columns.map((c) => csvValue(c.value(row), c.type))),
    ),
    'utf8',
  );
}

/** A cell for ExcelJS: dates as dates (instants shifted to Beijing wall time, as Excel has no zone). */
function xlsxValue(value: Cell | Date, type: ColumnType): ExcelJS.CellValue {
  if (value === undefined) return null;
  if (value instanceof Date) return new Date(value.getTime() + 8 * 3600 * 1000);
  if (type === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  return value;
}

/** A sheet with its rows already turned into cells (so sheets of different rows go in one workbook). */
export interface Sheet {
  name: string;
  columns: Omit<Column<unknown>, 'value'>[];
  cells: (Cell | Date)[][];
}

export function sheet<T>(name: string, columns: Column<T>[], rows: T[]): Sheet {
  return { name, columns, cells: rows.map((row) => columns.map((c) => c.value(row))) };
}

/** A workbook of typed sheets with frozen headers, and a last sheet of notes. */
export async function workbook(sheets: Sheet[], notes: [string, string][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '台账 taizhang';
  book.created = new Date(Date.UTC(2000, 0, 1));
  book.modified = book.created;
  for (const { name, columns, cells } of sheets) {
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c, i) => ({
      header: c.header,
      key: `c${i}`,
      width: c.width,
      style: FORMATS[c.type] ? { numFmt: FORMATS[c.type] } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of cells) {
      ws.addRow(Object.fromEntries(columns.map((c, i) => [`c${i}`, xlsxValue(row[i], c.type)])));
    }
    columns.forEach((c, i) => {
      if (c.width >= 40) ws.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
    });
  }
  const info = book.addWorksheet('说明');
  info.columns = [
    { header: '项目', key: 'k', width: 14 },
    { header: '内容', key: 'v', width: 100 },
  ];
  for (const [k, v] of notes) info.addRow({ k, v });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The 督办清单 as XLSX: one sheet of every row, grouped by lead department. */
export function dubanXlsx(list: DubanList, rule: string[]): Promise<Buffer> {
  return workbook(
    [sheet('督办清单', DUBAN_COLUMNS, list.rows)],
    [
      ['文件', list.document.title],
      ['统计截至', list.asof],
      ['牵头单位', String(list.departments.length)],
      ['列入指标', String(list.rows.length)],
      [
        '列入条件',
        '状态为滞后、严重滞后或未报送，或已过完成时限仍未完成；按差距（序时进度−完成率）从大到小排序',
      ],
      ...rule.map((line, i): [string, string] => [i === 0 ? '状态规则' : '', line]),
      ['生成', '台账 taizhang'],
    ],
  );
}

/** The 催报 list as XLSX: the owed indicators, and every owed period in a second sheet. */
export function owedXlsx(asof: string, owed: OwedItem[], rows: ReportingRow[]): Promise<Buffer> {
  return workbook(
    [sheet('催报清单', OWED_COLUMNS, owed), sheet('应报明细', REPORTING_COLUMNS, rows)],
    [
      ['统计截至', asof],
      ...STATE_RULE.map((line, i): [string, string] => [i === 0 ? '口径' : '', line]),
      ['生成', '台账 taizhang'],
    ],
  );
}
