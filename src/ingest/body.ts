import { listValue, structValue } from '@duckdb/node-api';
import { readRows } from '../store/rows.js';
import type { Tx } from '../store/store.js';
import { isUnitText } from './columns.js';
import { periodOfHeader } from './periods.js';
import { IngestError, type Problem } from './problems.js';
import type { Table } from './source.js';
import { stageRows } from './stage.js';
import type { SkippedKind } from './table.js';

/** Cell texts offices write for "nothing to report": never a zero. */
export const BLANK_MARKERS = [
  '—',
  '——',
  '-',
  '--',
  '－',
  '－－',
  '–',
  '/',
  '／',
  '\\',
  '无',
  '…',
  '……',
  'N/A',
  'n/a',
];

/** Lines under (or inside) a table that are not data: notes, sign-off lines, footnote marks. */
const NOTE_PATTERN =
  '^(注|附注|说明|备注|填表说明|填报说明|资料来源|数据来源|填报人|填表人|制表人|制表|审核人|审核|复核人|负责人|单位负责人|统计负责人|分管领导|联系人|联系电话|电话|报送日期|填报日期|制表日期|填报时间|报送时间)\\s*[0-9一二三四五六七八九十]*\\s*[:：、.．]|^注\\s*$|^[*※]';
/** Group headings in the indicator column: 一、推进农业转移人口市民化, （二）…, 第一部分. */
const HEADING_PATTERN =
  '^\\s*([一二三四五六七八九十]+\\s*[、.．]|[（(]\\s*[一二三四五六七八九十]+\\s*[)）]|第[一二三四五六七八九十]+(部分|章|节|类|项))';
/** A 序号 cell of a group heading row: 一, 二, （一）. */
const SERIAL_HEADING_PATTERN =
  '^\\s*([一二三四五六七八九十]+|[（(]\\s*[一二三四五六七八九十]+\\s*[)）])\\s*[、.．]?\\s*$';
const TOTALS = ['合计', '总计', '小计', '总合计', '全省合计'];
/** An indicator cell that may carry a list number, a unit in brackets or stray spaces. */
const DECORATED_NAME =
  '[)）]\\s*$|^\\s*(\\d{1,3}|[一二三四五六七八九十]{1,3})\\s*[、.．]\\s*\\S|^\\s*[（(]\\s*(\\d{1,3}|[一二三四五六七八九十]{1,3})\\s*[)）]|\\S\\s+\\S';

export interface BodyNotes {
  /** Rows of the tables that were not data, by kind, as staged lines. */
  rows: { kind: SkippedKind; line: number }[];
  /** Figures multiplied because of a unit (万人 → ×10000), per table. */
  scaling: { table: number; source: string; unit: string; factor: number; cells: number }[];
  /** Figures whose unit is larger in the catalogue than on the sheet (万元 against 亿元): left as written. */
  unscaled: { table: number; source: string; unit: string; cells: number }[];
  /** A sheet named after a region (长春市) whose rows name none: they are that region's. */
  regions: { table: number; region: string }[];
  /** Whether any table has a 目标值 column to check against the catalogue. */
  targets: boolean;
  /** Rows that cannot be read in this table's layout (another table's header), by staged line. */
  problems: Problem[];
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const quoteList = (items: string[]) => items.map(literal).join(', ');
// Patterns are written into the SQL as constants: DuckDB compiles a constant pattern once, a bound
// one for every chunk of rows.
const NOTE = literal(NOTE_PATTERN);
// A constant list, not an IN list: the planner rewrites an IN list of fifteen strings in every place
// it appears, which costs more than the whole check of a small file.
const MARKERS = `[${quoteList(BLANK_MARKERS)}]`;
const isMarker = (text: string) => `list_contains(${MARKERS}, ${text})`;

/**
 * Reads every table of an upload into ingest_staged with the pipeline's own steps (read_csv with
 * rejects, line numbers, stageRows), adding what a clerk's sheet needs around them: rows that are
 * notes, blank separators, group headings, 合计 or a repeated header are dropped (and reported);
 * after staging, blank markers (—, /, 无) become blanks, period phrases in cells (1-10月) become
 * periods, per-column bases (1-6月 is cumulative, 二季度 an increment) are set, indicator names lose
 * their list numbers and units (农民工职业技能培训（万人次）), and figures in 万 or 亿 are scaled.
 * Several tables (sheets) are staged one after another into the same tables.
 */
export async function stageTables(
  tx: Tx,
  tables: Table[],
  options: { basis?: 'cumulative' | 'increment' | undefined },
): Promise<BodyNotes> {
  const notes: BodyNotes = { rows: [], scaling: [], unscaled: [], regions: [], targets: false, problems: [] };
  for (const [i, table] of tables.entries()) {
    await readCsv(tx, table);
    await tx.run('ingest/lines', { first_line: table.firstLine });
    for (const row of await dropLayoutRows(tx, table)) {
      if (row.kind !== 'new_header') notes.rows.push({ kind: row.kind, line: row.line });
      else notes.problems.push(anotherHeader(row.line, table, roles(table)));
    }
    await stageRows(tx, table.shape.layout);
    await clearBlankMarkers(tx, table);
    const texts = await distinctTexts(tx, table);
    await readPeriodTexts(tx, table, texts.periods);
    await setColumnBases(tx, table, tables.length > 1 && !options.basis);
    const region = await regionOfSheet(tx, table);
    if (region) notes.regions.push({ table: i, region });
    const units = await tidyNames(tx, texts.names);
    const rowUnits = await scaleValues(tx, table, i, units, notes);
    if (table.shape.layout.roles.target) {
      if (!notes.targets)
        await tx.connection.run(
          'CREATE OR REPLACE TEMP TABLE ingest_targets (line INTEGER, target_raw VARCHAR, column_name VARCHAR, unit VARCHAR, pow INTEGER)',
        );
      await captureTargets(tx, table, rowUnits);
      notes.targets = true;
    }
    if (tables.length > 1) {
      const verb =
        i === 0
          ? 'CREATE OR REPLACE TEMP TABLE ingest_staged_all AS'
          : 'INSERT INTO ingest_staged_all BY NAME';
      await tx.connection.run(`${verb} SELECT * FROM ingest_staged`);
      const lines =
        i === 0 ? 'CREATE OR REPLACE TEMP TABLE ingest_lines_all AS' : 'INSERT INTO ingest_lines_all BY NAME';
      await tx.connection.run(`${lines} SELECT * FROM ingest_lines`);
    }
  }
  if (tables.length > 1) {
    await tx.connection.run('CREATE OR REPLACE TEMP TABLE ingest_staged AS SELECT * FROM ingest_staged_all');
    await tx.connection.run('CREATE OR REPLACE TEMP TABLE ingest_lines AS SELECT * FROM ingest_lines_all');
  }
  return notes;
}

/**
 * DuckDB reads the file from its first data record, every column as text. What it cannot read at
 * all becomes a problem for the whole file (lines it can read but not split right are reported
 * line by line instead).
 */
async function readCsv(tx: Tx, table: Table): Promise<void> {
  const columns = structValue(
    Object.fromEntries(Array.from({ length: table.width }, (_, i) => [`c${i}`, 'VARCHAR'])),
  );
  try {
    await tx.run('ingest/read_raw', {
      file: table.file,
      delimiter: table.delimiter,
      skip: table.skip,
      columns,
    });
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]?.replace(/^[A-Za-z ]+Error: /, '') ?? '';
    throw new IngestError(
      'unreadable_csv',
      `文件无法按 CSV 格式读取（${reason.slice(0, 200)}）。请在 Excel 中重新“另存为 CSV”后上传。`,
    );
  }
}

async function rows<T>(
  tx: Tx,
  sql: string,
  params: Record<string, string | number | null> = {},
): Promise<T[]> {
  return readRows<T>(
    await tx.connection.runAndReadAll(sql, Object.keys(params).length > 0 ? params : undefined),
  );
}

/** A cell's text in SQL with blank markers as NULL. */
const cell = (i: number | undefined) =>
  i === undefined
    ? 'NULL::VARCHAR'
    : `CASE WHEN ${isMarker(`trim(r.c${i})`)} THEN NULL ELSE nullif(trim(r.c${i}), '') END`;

/**
 * Finds the rows that are not data (the table finder saw only the first rows; notes and blank
 * separators can be anywhere below) and takes them out of ingest_raw and ingest_lines, so nothing
 * reports on them and the line numbers of the others stay as they were. Lines DuckDB rejected for
 * their number of fields are dropped too when they are blank or a note (注：… written in one field).
 */
async function dropLayoutRows(
  tx: Tx,
  table: Table,
): Promise<{ kind: SkippedKind | 'new_header'; line: number }[]> {
  const { layout, names } = table.shape;
  const { roles, months } = layout;
  const dataColumns = [
    ...months.map((m) => m.index),
    ...(['value', 'status', 'target', 'period'] as const).flatMap((r) => (roles[r] ? [roles[r].index] : [])),
  ];
  // Each cell's text is computed once (k0 … kN) and the classification reads those: the planner
  // handles a short expression per column far faster than the blank test repeated in every use.
  const k = (i: number | undefined) => (i === undefined ? 'NULL::VARCHAR' : `k${i}`);
  const columns = Array.from({ length: table.width }, (_, i) => i);
  const valuesBlank =
    dataColumns.length > 0 ? dataColumns.map((i) => `${k(i)} IS NULL`).join(' AND ') : 'true';
  const serialIndex = names.findIndex((n) => n.replace(/\s/g, '') === '序号');
  const serial = k(serialIndex >= 0 ? serialIndex : undefined);
  // A header row repeated (on each printed page) is skipped; another table's header is an error.
  const headerTexts = (i: number) =>
    [
      ...new Set([names[i], ...table.shape.headerTexts.map((row) => row[i])].map((t) => t?.trim() ?? '')),
    ].filter((t) => t !== '');
  const sameHeader =
    columns
      .map((i) => {
        const texts = headerTexts(i);
        return texts.length > 0 ? `(${k(i)} IS NULL OR ${k(i)} IN (${quoteList(texts)}))` : `${k(i)} IS NULL`;
      })
      .join(' AND ') || 'true';
  const filled = columns.map((i) => `(${k(i)} IS NOT NULL)::INTEGER`).join(' + ') || '0';
  // Only rows that could be layout rows are classified: a data row has a value somewhere, and is
  // let through by a few byte comparisons (a million-row file must not pay for a trim and a regular
  // expression per cell). Candidates: no value at all, a 计 (合计) or the header in it, or a first
  // cell that reads like a note (注…, or a label with a colon).
  const raw = (i: number | undefined) => (i === undefined ? 'NULL::VARCHAR' : `r.c${i}`);
  const noValue =
    dataColumns.length > 0
      ? dataColumns.map((i) => `(r.c${i} IS NULL OR ${isMarker(`r.c${i}`)} OR r.c${i} = ' ')`).join(' AND ')
      : 'true';
  const candidate = [
    `(${noValue})`,
    `contains(${raw(roles.indicator?.index)}, '计')`,
    `contains(${raw(roles.region?.index)}, '计')`,
    `contains(${raw(roles.indicator?.index)}, $indicator_header)`,
    ...dataColumns.flatMap((i) => headerTexts(i).map((t) => `r.c${i} = ${literal(t)}`)),
    `contains(r.c0, '：')`,
    `contains(r.c0, ':')`,
    ...['注', '*', '※'].map((c) => `starts_with(r.c0, '${c}')`),
  ].join(' OR ');
  const layoutReject = `regexp_replace(csv_line, '[\\s,\\t"]', '', 'g') = ''
    OR regexp_matches(regexp_replace(csv_line, '^[\\s,\\t"]+', ''), ${NOTE})`;
  // One query finds both: rows read (by rn) and lines DuckDB rejected (rn NULL).
  const sql = `
    SELECT f.rn, l.line, f.kind
    FROM (
      SELECT rn, CASE
        WHEN first_text IS NULL THEN 'blank'
        WHEN regexp_matches(first_text, ${NOTE}) THEN 'note'
        WHEN ${sameHeader} AND ${filled} >= 2 THEN 'header'
        WHEN ind = $indicator_header THEN 'new_header'
        WHEN replace(replace(coalesce(ind, ''), ' ', ''), '　', '') IN (${quoteList(TOTALS)})
          OR replace(replace(coalesce(reg, ''), ' ', ''), '　', '') IN (${quoteList(TOTALS)}) THEN 'total'
        WHEN values_blank AND (ind IS NULL OR regexp_matches(ind, ${literal(HEADING_PATTERN)})
          OR regexp_matches(coalesce(serial, ''), ${literal(SERIAL_HEADING_PATTERN)})
          OR (${serialIndex >= 0} AND serial IS NULL)) THEN 'group'
      END AS kind
      FROM (
        SELECT *, coalesce(${columns.map(k).join(', ')}) AS first_text, ${k(roles.indicator?.index)} AS ind,
          ${k(roles.region?.index)} AS reg, ${serial} AS serial, (${valuesBlank}) AS values_blank
        FROM (SELECT r.rn, ${columns.map((i) => `${cell(i)} AS k${i}`).join(', ')} FROM ingest_raw r WHERE ${candidate})
      )
    ) f
    JOIN ingest_lines l USING (rn)
    WHERE f.kind IS NOT NULL
    UNION ALL
    SELECT DISTINCT NULL, CAST(line AS INTEGER),
      CASE WHEN regexp_replace(csv_line, '[\\s,\\t"]', '', 'g') = '' THEN 'blank' ELSE 'note' END
    FROM ingest_rejects WHERE ${layoutReject}
    ORDER BY line`;
  const found = await rows<{ rn: number | null; kind: SkippedKind | 'new_header'; line: number }>(tx, sql, {
    indicator_header: roles.indicator?.name ?? '',
  });
  const read = found.flatMap((f) => (f.rn === null ? [] : [f.rn]));
  if (read.length > 0) {
    const rns = listValue(read.map((rn) => BigInt(rn)));
    await tx.connection.run('DELETE FROM ingest_raw WHERE rn IN (SELECT unnest($rns))', { rns });
    await tx.connection.run('DELETE FROM ingest_lines WHERE rn IN (SELECT unnest($rns))', { rns });
  }
  if (found.some((f) => f.rn === null))
    await tx.connection.run(`DELETE FROM ingest_rejects WHERE ${layoutReject}`);
  return found.map(({ kind, line }) => ({ kind, line }));
}

const roles = (table: Table) => table.shape.layout.roles;

/** A header row of a different table further down: the rows under it would be read in the wrong columns. */
function anotherHeader(line: number, table: Table, r: ReturnType<typeof roles>): Problem {
  const header = table.lineBase + table.shape.header.last;
  return {
    line,
    column: r.indicator?.name ?? null,
    severity: 'error',
    code: 'another_table',
    message: `第${line}行像是另一张表的表头（与第${header}行的表头不同），其下的行无法按同一表头读取。请把每张表放在单独的工作表中（或另存为单独的 CSV）后再上传。`,
    found: r.indicator?.name ?? null,
  };
}

/**
 * —, /, 无 … in a value or status cell mean nothing was reported. In a wide table a row's 备注 goes
 * with the periods it reports, not with its blank ones (which would otherwise be recorded as
 * reports of nothing, one per blank month).
 */
async function clearBlankMarkers(tx: Tx, table: Table): Promise<void> {
  // An exact marker is a hash lookup; only a text with a space in it is trimmed first.
  const marker = (column: string) =>
    `(${isMarker(column)} OR (contains(${column}, ' ') AND ${isMarker(`trim(${column})`)}))`;
  await tx.connection.run(
    `UPDATE ingest_staged SET
       value_raw = CASE WHEN ${marker('value_raw')} THEN NULL ELSE value_raw END,
       status_raw = CASE WHEN ${marker('status_raw')} THEN NULL ELSE status_raw END
     WHERE ${marker('value_raw')} OR ${marker('status_raw')}`,
  );
  const { layout } = table.shape;
  if (layout.format === 'wide' && layout.roles.note)
    await tx.connection.run(
      `UPDATE ingest_staged SET note_raw = NULL
       WHERE note_raw IS NOT NULL AND nullif(trim(value_raw), '') IS NULL AND nullif(trim(status_raw), '') IS NULL`,
    );
}

/**
 * The texts the steps below rewrite, in one pass: each distinct period text (there are a dozen in a
 * million-row file) and each indicator text that carries a list number, a bracket or spaces.
 */
async function distinctTexts(tx: Tx, table: Table): Promise<{ periods: string[]; names: string[] }> {
  const { roles } = table.shape.layout;
  const parts = [
    ...(roles.period
      ? [
          "SELECT 'period' AS kind, p AS text FROM (SELECT DISTINCT period_raw AS p FROM ingest_staged) WHERE p IS NOT NULL",
        ]
      : []),
    ...(roles.indicator
      ? [
          `SELECT 'name' AS kind, raw AS text FROM (SELECT DISTINCT indicator_raw AS raw FROM ingest_staged)
           WHERE raw IS NOT NULL AND regexp_matches(raw, ${literal(DECORATED_NAME)})`,
        ]
      : []),
  ];
  if (parts.length === 0) return { periods: [], names: [] };
  const found = await rows<{ kind: string; text: string }>(tx, `${parts.join(' UNION ALL ')} LIMIT 20000`);
  return {
    periods: found.filter((f) => f.kind === 'period').map((f) => f.text),
    names: found.filter((f) => f.kind === 'name').map((f) => f.text),
  };
}

/** 1-10月, 一季度, 2021年上半年 in a period column: the month they end with, and their basis. */
async function readPeriodTexts(tx: Tx, table: Table, texts: string[]): Promise<void> {
  if (texts.length === 0) return;
  const year = table.shape.context.year ?? table.shape.context.period?.year ?? null;
  const map = texts.flatMap((p) => {
    const phrase = periodOfHeader(p);
    // 2021-10, 2021年10月, 202110 are the check's own (tz_period); only the others are rewritten.
    if (!phrase || (phrase.year !== null && phrase.basis === null)) return [];
    const y = phrase.year ?? year;
    if (!y) return [];
    const basis = phrase.basis === 'cumulative' ? '累计' : phrase.basis === 'increment' ? '当月' : null;
    return [{ raw: p, period: `${y}-${String(phrase.month).padStart(2, '0')}`, basis }];
  });
  if (map.length === 0) return;
  await tx.connection.run(
    `UPDATE ingest_staged SET period_raw = m.period,
       basis_raw = CASE WHEN (basis_raw IS NULL OR trim(basis_raw) = '') AND m.basis IS NOT NULL THEN m.basis ELSE basis_raw END
     FROM (SELECT unnest(from_json($map, '[{"raw":"VARCHAR","period":"VARCHAR","basis":"VARCHAR"}]'), recursive := true)) m
     WHERE ingest_staged.period_raw = m.raw`,
    { map: JSON.stringify(map) },
  );
}

/**
 * The basis a column's header states (1-6月, 上半年: cumulative; 二季度, 当月: increment) for the
 * rows that state none; and, when several tables are staged, each long table's own header basis.
 */
async function setColumnBases(tx: Tx, table: Table, perTableHeaderBasis: boolean): Promise<void> {
  const { layout } = table.shape;
  const word = (basis: 'cumulative' | 'increment') => (basis === 'cumulative' ? '累计' : '当月');
  const map = layout.months.flatMap((m) => (m.basis ? [{ name: m.name, basis: word(m.basis) }] : []));
  if (map.length > 0) {
    await tx.connection.run(
      `UPDATE ingest_staged SET basis_raw = m.basis
       FROM (SELECT unnest(from_json($map, '[{"name":"VARCHAR","basis":"VARCHAR"}]'), recursive := true)) m
       WHERE ingest_staged.value_column = m.name AND (basis_raw IS NULL OR trim(basis_raw) = '')`,
      { map: JSON.stringify(map) },
    );
  }
  if (perTableHeaderBasis && layout.format === 'long' && layout.headerBasis) {
    await tx.connection.run(
      `UPDATE ingest_staged SET basis_raw = $basis WHERE basis_raw IS NULL OR trim(basis_raw) = ''`,
      { basis: word(layout.headerBasis) },
    );
  }
}

/** A sheet named 长春市 (or 延边州) in a table without a region column: its rows are that region's. */
async function regionOfSheet(tx: Tx, table: Table): Promise<string | null> {
  if (!table.sheet || table.shape.layout.roles.region) return null;
  const [found] = await rows<{ region: string | null }>(
    tx,
    `SELECT coalesce((SELECT name FROM region WHERE name = $name), (SELECT region FROM region_alias WHERE alias = $name)) AS region`,
    { name: table.sheet.trim() },
  );
  if (!found?.region) return null;
  await tx.connection.run(
    `UPDATE ingest_staged SET region_raw = $name WHERE region_raw IS NULL OR trim(region_raw) = ''`,
    { name: table.sheet.trim() },
  );
  return found.region;
}

const halfwidth = (s: string) =>
  s
    .replace(/[０-９．，－＋％／：]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();

/**
 * Indicator names as clerks write them: 1.农民工职业技能培训（万人次）, （二）棚户区改造, 新筹集 公租房.
 * Each distinct decorated text is tried against the catalogue as written, without its list number,
 * without a unit in brackets (kept as the row's unit), without spaces; the first that names an
 * indicator is used. One that names none keeps the cleaned text, so the check suggests the nearest.
 */
async function tidyNames(
  tx: Tx,
  decorated: string[],
): Promise<{ raw: string; clean: string; unit: string | null }[]> {
  if (decorated.length === 0) return [];
  const catalogue = await rows<{ code: string; name: string }>(
    tx,
    'SELECT code, name FROM indicator WHERE retired_at IS NULL',
  );
  const known = new Set(catalogue.flatMap((i) => [i.code.toUpperCase(), i.name]));
  const map = decorated.flatMap((raw) => {
    const cleaned = cleanName(raw, (c) => known.has(c) || known.has(c.toUpperCase()));
    return cleaned.clean !== halfwidth(raw) || cleaned.unit ? [{ raw, ...cleaned }] : [];
  });
  if (map.length === 0) return [];
  await tx.connection.run(
    `CREATE OR REPLACE TEMP TABLE ingest_names AS
     SELECT unnest(from_json($map, '[{"raw":"VARCHAR","clean":"VARCHAR","unit":"VARCHAR"}]'), recursive := true)`,
    { map: JSON.stringify(map) },
  );
  return map;
}

/** The name to look up and the unit it carried, trying the plainer forms in turn. */
export function cleanName(
  raw: string,
  isKnown: (name: string) => boolean,
): { clean: string; unit: string | null } {
  const text = halfwidth(raw);
  const numbered = text
    .replace(/^(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[、.．]\s*(?=\S)/, '')
    .replace(/^[（(]\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]\s*/, '');
  const bracket = /^(.*?)\s*[（(]\s*([^()（）]{1,8})\s*[)）]\s*$/.exec(numbered);
  const unit = bracket?.[2] && isUnitText(bracket[2]) ? bracket[2] : null;
  const withoutUnit = unit ? (bracket?.[1] ?? numbered) : numbered;
  const candidates: { clean: string; unit: string | null }[] = [
    { clean: text, unit: null },
    { clean: numbered, unit: null },
    { clean: withoutUnit, unit },
    { clean: withoutUnit.replace(/\s+/g, ''), unit },
    { clean: numbered.replace(/[（(][^()（）]*[)）]/g, '').replace(/\s+/g, ''), unit },
  ];
  return (
    candidates.find((c) => c.clean !== '' && isKnown(c.clean)) ?? {
      clean: withoutUnit.replace(/\s+/g, ''),
      unit,
    }
  );
}

const POW_SQL = (unit: string) =>
  `CASE WHEN ${unit} LIKE '亿%' THEN 8 WHEN ${unit} LIKE '万%' THEN 4 ELSE 0 END`;
const powOf = (unit: string | null) => (unit?.startsWith('亿') ? 8 : unit?.startsWith('万') ? 4 : 0);

/**
 * Figures in 万 or 亿: the unit of a value's column (完成值（万户）, 1-3月（万人）), else its row's
 * (a 单位 column, or the unit in the indicator's name), else the table's (单位：万人 above the
 * header) — against the catalogue's unit for that indicator (万元 there means no scaling). A plain
 * number gets 万 or 亿 written after it, which the check reads exactly (3.2万 → 32000) and the
 * preview shows as read.
 */
async function scaleValues(
  tx: Tx,
  table: Table,
  index: number,
  names: { raw: string; unit: string | null }[],
  notes: BodyNotes,
): Promise<boolean> {
  const { layout, names: headers, context } = table.shape;
  const unitRole = layout.roles.unit;
  const nameUnits = names.some((n) => n.unit);
  const columnUnits = Object.entries(layout.units).map(([i, unit]) => ({
    name: headers[Number(i)] ?? '',
    unit,
  }));
  const broad = columnUnits.some((c) => powOf(c.unit) > 0) || powOf(context.unit) > 0;
  const rename = async () => {
    // Names lose their list numbers and units only now, after their units were read.
    if (names.length > 0)
      await tx.connection.run(
        'UPDATE ingest_staged SET indicator_raw = n.clean FROM ingest_names n WHERE ingest_staged.indicator_raw = n.raw',
      );
  };
  if (!unitRole && !nameUnits && !broad) {
    await rename();
    return false;
  }
  // Row units: a 单位 column's cell first, then the unit in the name. Only 万/亿 rows matter unless a
  // wider unit (the column's or table's) could be overridden by a row's 个.
  const parts: string[] = [];
  if (unitRole)
    parts.push(`SELECT l.line, ${cell(unitRole.index)} AS unit, $unit_source AS source, 1 AS rank
      FROM ingest_raw r JOIN ingest_lines l USING (rn)`);
  if (nameUnits)
    parts.push(`SELECT DISTINCT s.line, n.unit, '指标名称中的单位' AS source, 2 AS rank
      FROM ingest_staged s JOIN ingest_names n ON n.raw = s.indicator_raw WHERE n.unit IS NOT NULL`);
  await tx.connection.run(
    parts.length > 0
      ? `CREATE OR REPLACE TEMP TABLE ingest_row_units AS
         SELECT line, unit, source FROM (${parts.join(' UNION ALL ')})
         WHERE unit IS NOT NULL ${broad ? '' : `AND (unit LIKE '万%' OR unit LIKE '亿%')`}
         QUALIFY row_number() OVER (PARTITION BY line ORDER BY rank) = 1`
      : 'CREATE OR REPLACE TEMP TABLE ingest_row_units (line INTEGER, unit VARCHAR, source VARCHAR)',
    unitRole ? { unit_source: `“${unitRole.name}”列` } : {},
  );
  await rename();
  const [{ n: rowScaled } = { n: 0 }] = await rows<{ n: number }>(
    tx,
    `SELECT count(*) AS n FROM ingest_row_units WHERE unit LIKE '万%' OR unit LIKE '亿%'`,
  );
  if (!broad && rowScaled === 0) return true;

  await tx.connection.run(
    `CREATE OR REPLACE TEMP TABLE ingest_scale AS
     WITH columns AS (SELECT unnest(from_json($columns, '[{"name":"VARCHAR","unit":"VARCHAR"}]'), recursive := true)),
     catalogue AS (
       SELECT key, any_value(unit) AS unit FROM (
         SELECT upper(code) AS key, unit FROM indicator UNION ALL SELECT upper(name), unit FROM indicator WHERE retired_at IS NULL
       ) GROUP BY key
     ),
     units AS (
       SELECT s.line, s.value_column,
         coalesce(c.unit, ru.unit, CAST($table_unit AS VARCHAR)) AS unit,
         CASE WHEN c.unit IS NOT NULL THEN '“' || s.value_column || '”列' WHEN ru.unit IS NOT NULL THEN ru.source
           ELSE '表头上方的“单位：' || CAST($table_unit AS VARCHAR) || '”' END AS source,
         k.unit AS catalogue_unit,
         -- A column's or the table's unit covers rows of every kind; a row's own unit only its row.
         c.unit IS NOT NULL OR ru.unit IS NULL AS broad
       FROM ingest_staged s
       LEFT JOIN columns c ON c.name = s.value_column
       LEFT JOIN ingest_row_units ru ON ru.line = s.line
       LEFT JOIN catalogue k ON k.key = upper(tz_halfwidth(s.indicator_raw))
       WHERE s.value_raw IS NOT NULL AND regexp_full_match(tz_number_text(s.value_raw), '[+-]?(\\d+(\\.\\d*)?|\\.\\d+)')
     )
     SELECT line, value_column, unit, source, ${POW_SQL('unit')} - ${POW_SQL('catalogue_unit')} AS pow
     FROM units
     WHERE unit IS NOT NULL AND ${POW_SQL('unit')} <> ${POW_SQL('catalogue_unit')}
       -- A percentage is never in 万; a table's 单位：万人 does not scale its 套 or 户 (same first character:
       -- 万人 fits 人 and 人次).
       AND catalogue_unit IS NOT NULL AND catalogue_unit NOT IN ('%', '％')
       AND (NOT broad OR regexp_replace(unit, '^[万亿]', '') = ''
         OR left(regexp_replace(unit, '^[万亿]', ''), 1) = left(regexp_replace(catalogue_unit, '^[万亿]', ''), 1))`,
    { columns: JSON.stringify(columnUnits), table_unit: context.unit },
  );
  const groups = await rows<{ source: string; unit: string; pow: number; n: number }>(
    tx,
    'SELECT source, unit, pow, count(*) AS n FROM ingest_scale GROUP BY ALL ORDER BY min(line)',
  );
  for (const g of groups) {
    if (g.pow > 0)
      notes.scaling.push({ table: index, source: g.source, unit: g.unit, factor: 10 ** g.pow, cells: g.n });
    else notes.unscaled.push({ table: index, source: g.source, unit: g.unit, cells: g.n });
  }
  await tx.connection.run(
    `UPDATE ingest_staged SET value_raw = tz_number_text(ingest_staged.value_raw) || CASE x.pow WHEN 4 THEN '万' ELSE '亿' END
     FROM ingest_scale x
     WHERE x.line = ingest_staged.line AND x.value_column IS NOT DISTINCT FROM ingest_staged.value_column AND x.pow IN (4, 8)`,
  );
  return true;
}

/** The sheet's own target column, kept per line to be compared with the catalogue once indicators are known. */
async function captureTargets(tx: Tx, table: Table, rowUnits: boolean): Promise<void> {
  const target = table.shape.layout.roles.target;
  if (!target) return;
  const unit = table.shape.layout.units[target.index] ?? null;
  await tx.connection.run(
    `INSERT INTO ingest_targets
     SELECT line, target_raw, $column, unit, ${POW_SQL("coalesce(unit, '')")}
     FROM (
       SELECT l.line, trim(r.c${target.index}) AS target_raw,
         coalesce(CAST($column_unit AS VARCHAR), ${rowUnits ? 'ru.unit' : 'NULL'}, CAST($table_unit AS VARCHAR)) AS unit
       FROM ingest_raw r JOIN ingest_lines l USING (rn)
       ${rowUnits ? 'LEFT JOIN ingest_row_units ru ON ru.line = l.line' : ''}
       WHERE ${cell(target.index)} IS NOT NULL
     )`,
    { column: target.name, column_unit: unit, table_unit: table.shape.context.unit },
  );
}

/**
 * The sheet's 目标值 against the catalogue's target, once each line's indicator is known (after
 * ingest/check): a warning where they differ, since the sheet's column is only read to check it.
 */
export async function checkTargets(tx: Tx, body: BodyNotes): Promise<Problem[]> {
  if (!body.targets) return [];
  const found = await rows<{
    line: number;
    column_name: string;
    target_raw: string;
    unit: string | null;
    pow: number;
    code: string;
    target: number;
    catalogue_unit: string | null;
    number: number | null;
  }>(
    tx,
    `SELECT t.line, t.column_name, t.target_raw, t.unit, t.pow, c.code, i.target, i.unit AS catalogue_unit,
       tz_number(t.target_raw) AS number
     FROM ingest_targets t
     JOIN (SELECT line, min(code) AS code FROM ingest_checked WHERE code IS NOT NULL GROUP BY line) c ON c.line = t.line
     JOIN indicator i ON i.code = c.code
     WHERE i.target IS NOT NULL AND i.kind <> 'milestone'
     ORDER BY t.line LIMIT 1000`,
  );
  const format = (n: number) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 }).format(n);
  return found.flatMap((t) => {
    if (t.number === null) return [];
    // A target written with 万 or 亿 is already read in full; otherwise its unit scales it.
    const written = /[万亿]/.test(t.target_raw);
    const factor = written ? 1 : 10 ** (t.pow - powOf(t.catalogue_unit));
    const sheet = t.number * factor;
    if (Math.abs(sheet - t.target) <= 1e-6 * Math.max(1, Math.abs(t.target))) return [];
    const read = factor !== 1 ? `（${t.unit}，即 ${format(sheet)}）` : '';
    return [
      {
        line: t.line,
        column: t.column_name,
        severity: 'warning' as const,
        code: 'target_mismatch',
        message: `目标值“${t.target_raw}”${read}与指标目录中 ${t.code} 的目标值 ${format(t.target)}${t.catalogue_unit ?? ''} 不一致，请核对（目标值列只用于核对，不作为完成值导入）`,
        found: t.target_raw,
      },
    ];
  });
}
