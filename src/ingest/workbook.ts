import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { HeaderNames } from './columns.js';
import type { Problem } from './problems.js';
import { sheetProblem } from './sheet-problem.js';
import { findTable, HEAD_ROWS, type TableShape } from './table.js';
import { MAX_COLUMNS, type SheetInfo } from './workbook-limits.js';

/** One sheet's table written out as a UTF-8 CSV of its data rows, for the same pipeline as a CSV upload. */
export interface SheetTable {
  sheet: string;
  shape: TableShape;
  /** The CSV: one record per sheet row from shape.dataStart to the sheet's last row, `width` fields each. */
  file: string;
  width: number;
}

export interface WorkbookTables {
  tables: SheetTable[];
  /** Sheets not read, with why, in the workbook's order. */
  skipped: { sheet: string; reason: string }[];
  /** Cells that cannot be read as written (a formula saved without its result), by sheet and row. */
  problems: Problem[];
  /** When no sheet was taken: the most specific problems of the sheet closest to a table. */
  refusal: Problem[];
}

type Text = string | { formula: string };

/**
 * Reads every visible sheet of a workbook that has already passed inspectWorkbook's limits: finds
 * its table (header, title, notes — the same finder as for a CSV) and writes the rows under the
 * header to `dir/sheet-N.csv`, cell by cell as the clerk sees them: numbers in full, a formula by
 * its saved result, a percent-formatted cell as 90%, a date as 2021-10-31 (2021-10 when formatted
 * without a day), a cell merged downwards repeated in every row it spans.
 */
export async function readWorkbook(
  file: string,
  dir: string,
  sheets: SheetInfo[],
  headers?: HeaderNames,
): Promise<WorkbookTables> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const result: WorkbookTables = { tables: [], skipped: [], problems: [], refusal: [] };
  let closest: { score: number; problems: Problem[] } = { score: -1, problems: [] };
  for (const info of sheets) {
    if (info.kind === 'chartsheet') result.skipped.push({ sheet: info.name, reason: '图表，不是表格' });
  }
  for (const sheet of workbook.worksheets) {
    const name = sheet.name;
    if (sheet.state !== 'visible') {
      result.skipped.push({ sheet: name, reason: '隐藏的工作表' });
      continue;
    }
    const width = Math.min(sheet.columnCount, MAX_COLUMNS);
    const lastRow = sheet.rowCount;
    if (lastRow === 0 || width === 0 || sheet.actualRowCount === 0) {
      result.skipped.push({ sheet: name, reason: '空白工作表' });
      continue;
    }
    const head: string[][] = [];
    for (let r = 1; r <= Math.min(HEAD_ROWS, lastRow); r++) head.push(rowTexts(sheet, r, width, 'own'));
    const found = findTable(head, { sheet: name, headers });
    if (!found.ok) {
      result.skipped.push({
        sheet: name,
        reason: found.twoTables
          ? '一张工作表中有两张表'
          : `没有找到表头（已查看第${found.looked > 1 ? `1–${found.looked}` : 1}行）`,
      });
      if (closest.score < 0)
        closest = { score: 0, problems: [sheetProblem(name, null, 'no_header', found.message)] };
      continue;
    }
    const { layout } = found.table;
    const hasData = layout.months.length > 0 || layout.roles.value || layout.roles.status;
    const hasIndicator =
      layout.roles.indicator || layout.tableIndicator || layout.months.some((m) => m.indicator);
    if (!hasIndicator || !hasData) {
      const reason = !hasIndicator ? '表头中没有指标列（指标名称或指标编码）' : '表头中没有数值列或统计期列';
      result.skipped.push({ sheet: name, reason });
      const problems = layout.problems
        .filter((p) => p.severity === 'error')
        .map((p) => sheetProblem(name, p.line, p.code, p.message, p.column));
      if (closest.score < 1) closest = { score: 1, problems };
      continue;
    }
    const csv = path.join(dir, `sheet-${result.tables.length + 1}.csv`);
    const imported = importedColumns(found.table);
    await writeRows(sheet, found.table.dataStart, lastRow, width, csv, (row, column, text) => {
      if (!imported.has(column)) return;
      result.problems.push(
        sheetProblem(
          name,
          row,
          'formula_without_result',
          `单元格是公式（=${text.formula}），但文件中没有保存计算结果。请在 Excel 中打开此文件、保存后再上传。`,
          found.table.names[column] ?? null,
          `=${text.formula}`,
        ),
      );
    });
    result.problems.push(...hiddenParts(sheet, found.table, imported, lastRow));
    result.tables.push({ sheet: name, shape: found.table, file: csv, width });
  }
  if (result.tables.length === 0) result.refusal = closest.problems;
  return result;
}

/**
 * Hidden rows with figures and hidden columns that are imported: read as any other (saving as CSV
 * keeps them too), and said so, for the clerk who hid a row to leave it out.
 */
function hiddenParts(
  sheet: ExcelJS.Worksheet,
  table: TableShape,
  imported: Set<number>,
  lastRow: number,
): Problem[] {
  const problems: Problem[] = [];
  const rows: number[] = [];
  const read = [...imported];
  for (let r = table.dataStart; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    if (row.hidden && read.some((c) => row.getCell(c + 1).value != null)) rows.push(r);
  }
  const few = (list: (number | string)[]) =>
    `${list.slice(0, 10).join('、')}${list.length > 10 ? ` 等 ${list.length} ` : ''}`;
  if (rows.length > 0)
    problems.push(
      sheetProblem(
        sheet.name,
        null,
        'hidden_rows',
        `第${few(rows)}行是隐藏行，已照常导入；如不应上报，请删除这些行后再上传。`,
        null,
        null,
        'warning',
      ),
    );
  const columns = [...imported]
    .sort((a, b) => a - b)
    .filter((c) => sheet.getColumn(c + 1).hidden)
    .map((c) => `“${table.names[c] ?? ''}”`);
  if (columns.length > 0)
    problems.push(
      sheetProblem(
        sheet.name,
        null,
        'hidden_columns',
        `${few(columns)}列是隐藏列，已照常导入；如不应上报，请删除这些列后再上传。`,
        null,
        null,
        'warning',
      ),
    );
  return problems;
}

function importedColumns(table: TableShape): Set<number> {
  const { roles, months } = table.layout;
  const columns = new Set(months.map((m) => m.index));
  for (const role of [
    'indicator',
    'period',
    'value',
    'status',
    'target',
    'region',
    'basis',
    'series',
  ] as const) {
    const index = roles[role]?.index;
    if (index !== undefined) columns.add(index);
  }
  return columns;
}

/**
 * The texts of one row. 'own': each cell's own text (a merged cell's value in its first cell only —
 * the table finder fills header spans itself, as it must for a CSV); 'data': a cell merged
 * downwards also in the rows it spans (a merged indicator name applies to each of them), one merged
 * across columns in its first column only (a title or note spanning the table is one cell).
 */
function rowTexts(sheet: ExcelJS.Worksheet, r: number, width: number, mode: 'own' | 'data'): string[] {
  const row = sheet.getRow(r);
  const texts: string[] = [];
  for (let c = 1; c <= width; c++) {
    const text = cellText(row.getCell(c), mode);
    texts.push(typeof text === 'string' ? text : '');
  }
  return texts;
}

async function writeRows(
  sheet: ExcelJS.Worksheet,
  from: number,
  to: number,
  width: number,
  file: string,
  onFormula: (row: number, column: number, text: { formula: string }) => void,
): Promise<void> {
  const out = createWriteStream(file);
  let batch: string[] = [];
  for (let r = from; r <= to; r++) {
    const row = sheet.getRow(r);
    const fields: string[] = [];
    for (let c = 1; c <= width; c++) {
      const text = cellText(row.getCell(c), 'data');
      if (typeof text !== 'string') onFormula(r, c - 1, text);
      fields.push(quote(typeof text === 'string' ? text : ''));
    }
    batch.push(fields.join(','));
    if (batch.length >= 2000) {
      if (!out.write(`${batch.join('\n')}\n`))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      batch = [];
    }
  }
  out.end(batch.length > 0 ? `${batch.join('\n')}\n` : '');
  await finished(out);
}

/** Every field quoted: a cell's commas, quotes and line breaks stay inside it, so one row is one record. */
function quote(text: string): string {
  return `"${text
    .replace(/\r\n?/g, '\n')
    .replace(/\p{Cc}/gu, (ch) => (ch === '\n' || ch === '\t' ? ch : ''))
    .replace(/"/g, '""')}"`;
}

function cellText(cell: ExcelJS.Cell, mode: 'own' | 'data'): Text {
  if (cell.isMerged && cell.master.address !== cell.address) {
    if (mode === 'own' || cell.master.col !== cell.col) return '';
    return cellText(cell.master, mode);
  }
  return valueText(cell.value, cell.numFmt, mode === 'own');
}

function valueText(value: ExcelJS.CellValue | undefined, format: string | undefined, header: boolean): Text {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value, format, header);
  if (typeof value === 'number') {
    if (isDateFormat(format)) return dateText(fromSerial(value), format, header);
    if (isPercentFormat(format)) return `${plainNumber(value * 100)}%`;
    return plainNumber(value) + (header ? '' : magnitudeOfFormat(format));
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined) {
      const { formula, sharedFormula } = value as { formula?: string; sharedFormula?: string };
      return { formula: formula ?? sharedFormula ?? '' };
    }
    return valueText(result, format, header);
  }
  if ('error' in value) return String(value.error);
  if ('text' in value) {
    const text = (value as { text: unknown }).text;
    return typeof text === 'string' ? text : valueText(text as ExcelJS.CellValue, format, header);
  }
  return '';
}

/** A number as Excel shows it at full precision: 15 significant digits, never an exponent. */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const rounded = Number(n.toPrecision(15));
  const text = String(rounded);
  return /e/i.test(text) ? rounded.toFixed(12).replace(/\.?0+$/, '') : text;
}

/** A header date (2021-01-01 shown as 2021年1月) names its month; a cell date its day, or its month when the format shows none. */
function dateText(date: Date, format: string | undefined, header: boolean): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  if (header) return `${y}年${m}月`;
  const month = `${y}-${String(m).padStart(2, '0')}`;
  return format && !/d/i.test(bareFormat(format))
    ? month
    : `${month}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** The 1900 date system's day number (25569 = 1970-01-01) as a UTC date. */
function fromSerial(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400) * 1000);
}

/** A number format without its literal text ("年"), escapes (\%) and [colour/locale] parts. */
function bareFormat(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

/**
 * 万 or 亿 a number format writes after the number (0.0"万人" shows 3.6 as 3.6万人: the cell holds
 * 3.6万); not when the format moves the decimal point itself (0!.0000"万" shows 36000 as 3.6000万).
 */
function magnitudeOfFormat(format: string | undefined): string {
  if (!format || /!\.|\\\./.test(format)) return '';
  const literal = /"([万亿])[^"]*"/.exec(format);
  return literal?.[1] ?? '';
}

function isPercentFormat(format: string | undefined): boolean {
  return !!format && bareFormat(format).includes('%');
}

function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = bareFormat(format).toLowerCase();
  return /[ymd]/.test(bare) && !/general|0|#/.test(bare);
}
