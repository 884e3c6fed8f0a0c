import {
  type ColumnLayout,
  classifyHeader,
  type HeaderKind,
  type HeaderNames,
  isUnitText,
  layoutColumns,
  unitOfHeader,
} from './columns.js';
import { type PeriodPhrase, periodInText, periodOfHeader, yearInText } from './periods.js';

/** How many rows from the top are looked at for the header. */
export const HEAD_ROWS = 30;
/** The deepest header taken: 完成情况 over 累计 over 1-3月. */
const MAX_HEADER_DEPTH = 3;

/** Rows skipped around and inside a table, by why. */
export type SkippedKind =
  | 'title'
  | 'blank'
  | 'units'
  | 'column_numbers'
  | 'note'
  | 'group'
  | 'total'
  | 'part'
  | 'header';

/** What the rows above the header say about the whole table. */
export interface TableContext {
  /** The title's text (non-label rows above the header), for the report. */
  title: string | null;
  year: number | null;
  /** The period the title (or the sheet's name) names: （1-10月） → October, cumulative. */
  period: PeriodPhrase | null;
  /** Where the period was read: the title, or the sheet's name. */
  periodFrom: 'title' | 'sheet' | null;
  /** 单位：万人 above or under the header: the unit of every figure that says none of its own. */
  unit: string | null;
  /** A 单位：… line whose unit cannot be told (万人、万户), by row: the figures are read as written. */
  unclearUnit: { row: number; text: string } | null;
  /** Who filled the form in, from a 填报单位：四平市住房和城乡建设局 line above the header, or null. */
  reporter?: string | null;
}

/** A table found in the first rows of a sheet or CSV file. Rows are numbered from 1 as Excel shows them. */
export interface TableShape {
  header: { first: number; last: number };
  /** The first row after the header (and after any unit or column-number line under it). */
  dataStart: number;
  /** Each column's header as the clerk reads it (two-row headers combined), unique. */
  names: string[];
  /** The header above each column in a two-row header, for context (完成情况, 2021年, 当月). */
  parents: (string | null)[];
  /** The header's rows as written, to know the header again where it is repeated lower down. */
  headerTexts: string[][];
  titleRows: number[];
  /** Rows above the data that are not header: blank rows, 单位：万人, 甲 乙 1 2 3. */
  skipped: { row: number; kind: SkippedKind }[];
  context: TableContext;
  layout: ColumnLayout;
}

export type FoundTable =
  | { ok: true; table: TableShape }
  /** `twoTables`: two headers with figures between them, rather than none. */
  | { ok: false; message: string; looked: number; twoTables?: true };

/** Lines above a table that label the form rather than title it: never a period or a unit. */
const LABEL_LINE = /^(填报|填表|报送|制表|编制|审核|统计|负责|联系)[^:：]{0,6}[:：]/;
/** 填报单位：四平市住房和城乡建设局 (the office that reports: its region is the rows'). */
const REPORTER_LINE =
  /(?:填报|填表|报送|报表)单位(?:名称)?\s*(?:[（(][^()（）]{0,4}[)）])?\s*(?:[:：]|\s)\s*([^\s:：]{2,40})/;

/**
 * Finds the header of the table in the first rows of a sheet: every candidate row (and two or three
 * rows together, for 完成情况 over 1-3月 | 1-6月) is scored by how many of its cells are column names
 * the import knows; the best wins. Rows above it are title (its year, period and unit are kept as
 * context); blank rows, a 单位：… line and a 栏次 (甲 乙 1 2 3) line under it are skipped.
 *
 * @example findTable([['2021年指标完成情况（1-10月）'], ['指标名称', '1-3月', '1-6月'], ['培训', '1', '2']])
 * // → header row 2, data from row 3, title row 1, period October
 */
export function findTable(
  rows: string[][],
  options: { sheet?: string | null; headers?: HeaderNames | undefined } = {},
): FoundTable {
  const head = rows.slice(0, HEAD_ROWS).map((row) => row.map((cell) => (cell ?? '').trim()));
  const candidates: {
    start: number;
    depth: number;
    score: number;
    names: string[];
    parents: (string | null)[];
  }[] = [];
  for (let start = 0; start < head.length; start++) {
    for (let depth = 1; depth <= MAX_HEADER_DEPTH && start + depth <= head.length; depth++) {
      const { names, parents } = combineHeader(head.slice(start, start + depth));
      const score = scoreHeader(names, options.headers);
      if (score.recognised >= 2) candidates.push({ start, depth, score: score.total, names, parents });
    }
  }
  // The best score; on a tie the shallower header (a title row over the header adds nothing), then the first.
  candidates.sort((a, b) => b.score - a.score || a.depth - b.depth || a.start - b.start);
  const best = candidates[0];
  if (!best) return { ok: false, looked: head.length, message: noHeaderMessage(head) };
  // A header above the best one with figures under it: a table the rows above would hide as a title.
  const earlier = candidates.find(
    (c) =>
      c.start + c.depth <= best.start &&
      head
        .slice(c.start + c.depth, best.start)
        .some((row) => row.some((cell) => /^[\d.,]+[万亿%]?$/.test(cell))),
  );
  if (earlier)
    return {
      ok: false,
      looked: head.length,
      twoTables: true,
      message: `第${earlier.start + 1}行和第${best.start + 1}行各有一行表头：一张工作表（或一个 CSV 文件）只能放一张表，两张表的行无法按同一表头读取。请把每张表放在单独的工作表中（或另存为单独的 CSV）后再上传。`,
    };

  const first = best.start + 1;
  const last = best.start + best.depth;
  const titleRows: number[] = [];
  const skipped: TableShape['skipped'] = [];
  const titleTexts: string[] = [];
  let reporter: string | null = null;
  const units: Pick<TableContext, 'unit' | 'unclearUnit'> = { unit: null, unclearUnit: null };
  const readUnit = (text: string, row: number) => {
    const found = unitLine(text);
    if (found?.unit) units.unit = found.unit;
    else if (found) units.unclearUnit = { row, text: found.text };
  };
  head.slice(0, best.start).forEach((row, i) => {
    const text = row.filter((c) => c !== '');
    if (text.length === 0) {
      skipped.push({ row: i + 1, kind: 'blank' });
      return;
    }
    titleRows.push(i + 1);
    const joined = [...new Set(text)].join(' ');
    readUnit(joined, i + 1);
    reporter ??= REPORTER_LINE.exec(joined)?.[1] ?? null;
    if (!LABEL_LINE.test(joined)) titleTexts.push(joined);
  });

  let dataStart = last + 1;
  for (const row of head.slice(last)) {
    const kind = headRowKind(row);
    if (!kind) break;
    if (kind === 'units') readUnit(row.filter((c) => c !== '').join(' '), dataStart);
    skipped.push({ row: dataStart, kind });
    dataStart += 1;
  }

  // 单位：万人 written in a cell of the header row itself names the table's unit, not a column.
  const headerNames = best.names.map((name) => {
    if (classifyHeader(name) || !unitLine(name)) return name;
    readUnit(name, last);
    return '';
  });
  const title = titleTexts.join(' ') || null;
  const sheet = options.sheet ?? '';
  const titlePeriod = title ? periodInText(title) : null;
  const sheetPeriod = periodOfHeader(sheet) ?? (sheet ? periodInText(sheet) : null);
  const context: TableContext = {
    title,
    year: (title ? yearInText(title) : null) ?? yearInText(sheet),
    period: titlePeriod ?? sheetPeriod,
    periodFrom: titlePeriod ? 'title' : sheetPeriod ? 'sheet' : null,
    unit: units.unit,
    unclearUnit: units.unit ? null : units.unclearUnit,
    reporter,
  };
  const names = uniqueNames(headerNames, best.parents);
  const layout = layoutColumns(names, {
    line: last,
    parents: best.parents,
    year: context.year ?? context.period?.year ?? null,
    period: context.period,
    headers: options.headers,
    title,
    sheet: options.sheet ?? null,
  });
  regionsInUnitColumn(layout, head.slice(dataStart - 1), options.headers);
  namesOverRowNumbers(layout, head.slice(dataStart - 1));
  return {
    ok: true,
    table: {
      header: { first, last },
      dataStart,
      names,
      parents: best.parents,
      headerTexts: head.slice(best.start, last),
      titleRows,
      skipped,
      context,
      layout,
    },
  };
}

/**
 * 单位 over 长春市, 吉林市: the reporting unit (填报单位), a region, not a unit of measure. When every
 * filled cell under a 单位 column in the first rows names a region, the column is the region's.
 */
function regionsInUnitColumn(layout: ColumnLayout, rows: string[][], headers?: HeaderNames): void {
  const unit = layout.roles.unit;
  if (!unit || layout.roles.region || !headers?.region) return;
  const cells = rows.map((row) => row[unit.index] ?? '').filter((c) => c !== '');
  if (cells.length === 0 || !cells.every((c) => headers.region?.(c) || /^(合计|总计|全省合计)$/.test(c)))
    return;
  layout.roles.region = unit;
  delete layout.roles.unit;
}

/**
 * 代码 | 指标名称 on a statistics form: the 代码 column holds the form's line numbers (01, 02 …),
 * not the catalogue's codes; the indicators are read by their names.
 */
function namesOverRowNumbers(layout: ColumnLayout, rows: string[][]): void {
  const { indicator: code, indicator_name: name } = layout.roles;
  if (!code || !name) return;
  const cells = rows.map((row) => row[code.index] ?? '').filter((c) => c !== '');
  if (cells.length === 0 || !cells.every((c) => /^\d{1,4}$/.test(c))) return;
  layout.roles.indicator = name;
  delete layout.roles.indicator_name;
  layout.ignored.push({ index: code.index, name: code.name, reason: '为表中的行次，指标按“指标名称”列读取' });
}

function scoreHeader(names: string[], headers?: HeaderNames): { recognised: number; total: number } {
  // A header that names an indicator or a region (a table of one across) is a column of figures.
  const kinds = names
    .map(
      (n) =>
        classifyHeader(n) ?? (n !== '' && (headers?.indicator?.(n) || headers?.region?.(n)) ? 'month' : null),
    )
    .filter((k): k is HeaderKind => k !== null);
  const indicator = kinds.some((k) => k === 'indicator' || k === 'indicator_name');
  const data = kinds.some((k) => k === 'value' || k === 'month' || k === 'status');
  // A unit row under the header (万人 | 万户) belongs to it: a little extra, never more than a column name.
  const units = names.filter((n) => unitOfHeader(n)).length;
  return {
    recognised: kinds.length,
    total: kinds.length + (indicator ? 2 : 0) + (data ? 1 : 0) + units * 0.01,
  };
}

/**
 * The names of a header of one to three rows. A cell merged across columns (完成情况 over four
 * months) is written in its first column only, in a CSV as in a sheet, so each upper row is filled
 * to the right as context for the columns under it. A column's name is its lowest own cell, joined
 * with the one above when together they name a period (2021年 over 1-3月) or the lower one is a unit
 * (1-3月 over 万人); the texts above a name are its parent (for year, basis and unit).
 */
function combineHeader(rows: string[][]): { names: string[]; parents: (string | null)[] } {
  const width = Math.max(...rows.map((r) => r.length));
  const filled = rows.map((row) => fillRight(row, width));
  const names: string[] = [];
  const parents: (string | null)[] = [];
  for (let c = 0; c < width; c++) {
    let name = '';
    const above: string[] = [];
    rows.forEach((row, level) => {
      const own = row[c] ?? '';
      if (own === '') {
        // A cell merged from the left (or down, in a sheet) is context for what is below it.
        const spanned = level < rows.length - 1 ? (filled[level]?.[c] ?? '') : '';
        if (spanned !== '' && above.at(-1) !== spanned) above.push(spanned);
        return;
      }
      const upper = name || above.at(-1) || '';
      const bare = own.replace(/[(（)）]/g, '');
      if (upper && periodOfHeader(upper + own)) {
        if (!name) above.pop();
        name = upper + own;
      } else if (name && !classifyHeader(own) && isUnitText(bare)) {
        name = `${name}（${bare}）`;
      } else {
        if (name) above.push(name);
        name = own;
      }
    });
    names.push(name);
    parents.push(above.length > 0 ? above.join(' ') : null);
  }
  return { names, parents };
}

/** A row filled to the right: each non-empty cell also stands for the empty cells after it. */
function fillRight(row: string[], width: number): string[] {
  const out: string[] = [];
  let last = '';
  for (let c = 0; c < width; c++) {
    const cell = row[c] ?? '';
    if (cell !== '') last = cell;
    out.push(cell === '' ? last : cell);
  }
  return out;
}

/** Header names made unique (a 1月 under 当月 and one under 累计), so every column can be named in a message. */
function uniqueNames(names: string[], parents: (string | null)[]): string[] {
  const count = (list: string[], n: string) => list.filter((x) => x === n).length;
  const first = names.map((n, i) =>
    n !== '' && count(names, n) > 1 && parents[i] ? `${parents[i]}${n}` : n,
  );
  return first.map((n, i) => (n !== '' && count(first, n) > 1 ? `${n}（第${i + 1}列）` : n));
}

/**
 * 单位：万人 / 计量单位：万元 / （单位：亿元）: the unit, or only the text when it is not one unit
 * (万人、万户); never 填报单位：某某局.
 */
function unitLine(text: string): { unit: string | null; text: string } | null {
  const m = /(?:^|[\s(（,，;；])(?:计量)?单位\s*[:：]\s*([^\s,，;；)）]+)/.exec(text);
  const unit = m?.[1];
  if (!unit || /[局厅委办府院部门会市县区省司]$/.test(unit)) return null;
  return { unit: isUnitText(unit) ? unit : null, text: unit };
}

/** A row between the header and the data: blank, a unit line, or 栏次 numbers (甲 乙 1 2 3). */
function headRowKind(row: string[]): SkippedKind | null {
  const cells = row.filter((c) => c !== '');
  if (cells.length === 0) return 'blank';
  if (cells.length === 1 && unitLine(cells[0] ?? '')) return 'units';
  if (cells.every((c) => isUnitText(c.replace(/[(（)）]/g, ''))) && cells.length >= 2) return 'units';
  const letters = cells.filter((c) => /^(甲|乙|丙|丁|戊|己|栏次|栏号|—)$/.test(c)).length;
  const numbers = cells.filter((c) => /^\d{1,3}$/.test(c)).map(Number);
  if (letters + numbers.length !== cells.length || numbers.length < 2) return null;
  const consecutive = numbers.every((n, i) => i === 0 || n === (numbers[i - 1] ?? 0) + 1);
  return consecutive && (letters > 0 || (numbers[0] === 1 && numbers.length >= 3)) ? 'column_numbers' : null;
}

function noHeaderMessage(head: string[][]): string {
  const shown = head.findIndex((row) => row.some((c) => c !== ''));
  const firstText =
    shown >= 0
      ? `第${shown + 1}行为“${(head[shown] ?? [])
          .filter((c) => c !== '')
          .join(' ')
          .slice(0, 40)}”。`
      : '';
  return (
    `没有找到表头：已查看第${head.length > 1 ? `1–${head.length}` : 1}行，没有一行包含可识别的列名。${firstText}` +
    '表头应有指标列（“指标名称”或“指标编码”），以及“统计期”和“数值”两列，' +
    '或每个统计期一列（如“1-3月”“1-6月”“1月”“一季度”“上半年”）。'
  );
}
