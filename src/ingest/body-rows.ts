import { listValue } from '@duckdb/node-api';
import type { Tx } from '../store/store.js';
import { cell, isMarker, literal, quoteList, rows } from './body-sql.js';
import { HEADER_WORDS } from './columns.js';
import type { Problem } from './problems.js';
import type { Table } from './source.js';
import type { SkippedKind } from './table.js';

/** Lines under (or inside) a table that are not data: notes, sign-off lines, footnote marks. */
const NOTE_PATTERN =
  '^(注|附注|说明|备注|填表说明|填报说明|资料来源|数据来源|填报人|填表人|制表人|制表|审核人|审核|复核人|负责人|单位负责人|统计负责人|分管领导|联系人|联系电话|电话|报送日期|填报日期|制表日期|填报时间|报送时间)\\s*[0-9一二三四五六七八九十]*\\s*[:：、.．]|^注\\s*$|^[*※]';
/** The same labels standing alone in their cell, the name or number in the next (联系电话 | 139…). */
const SIGN_OFF_LABELS = [
  '填报人',
  '填表人',
  '制表人',
  '审核人',
  '复核人',
  '负责人',
  '单位负责人',
  '统计负责人',
  '分管领导',
  '联系人',
  '联系电话',
  '电话',
  '手机',
  '报送日期',
  '填报日期',
  '制表日期',
  '填报时间',
  '报送时间',
  '填报单位',
  '报送单位',
];
/** Group headings in the indicator column: 一、推进农业转移人口市民化, （二）…, 第一部分. */
const HEADING_PATTERN =
  '^\\s*([一二三四五六七八九十]+\\s*[、.．]|[（(]\\s*[一二三四五六七八九十]+\\s*[)）]|第[一二三四五六七八九十]+(部分|章|节|类|项))';
/** A 序号 cell of a group heading row: 一, 二, （一）. */
const SERIAL_HEADING_PATTERN =
  '^\\s*([一二三四五六七八九十]+|[（(]\\s*[一二三四五六七八九十]+\\s*[)）])\\s*[、.．]?\\s*$';
/** A row that only says 其中： — the rows under it break the figure above down (readPartRows). */
const PART_HEADING_PATTERN = '^[\\s\u3000]*其中[\\s\u3000]*[:：]?[\\s\u3000]*$';
const TOTALS = ['合计', '总计', '小计', '总合计', '全省合计'];
/** Totals in a region column that stand for the region above the listed ones (not 小计, a group's). */
const REGION_TOTALS = ['合计', '总计', '总合计'];
/** Totals in a region column: 全省合计 and 吉林省总计 are the province's names (seeds/regions.csv), not totals. */
const REGION_TOTAL_WORDS = ['合计', '总计', '小计', '总合计'];

// Patterns are written into the SQL as constants: DuckDB compiles a constant pattern once, a bound
// one for every chunk of rows.
const NOTE = literal(NOTE_PATTERN);

/**
 * Finds the rows that are not data (the table finder saw only the first rows; notes and blank
 * separators can be anywhere below) and takes them out of ingest_raw and ingest_lines, so nothing
 * reports on them and the line numbers of the others stay as they were. Lines DuckDB rejected for
 * their number of fields are dropped too when they are blank or a note (注：… written in one field).
 */
export async function dropLayoutRows(
  tx: Tx,
  table: Table,
): Promise<{ kind: SkippedKind | 'new_header'; line: number }[]> {
  const { layout, names } = table.shape;
  const { roles, months } = layout;
  const dataColumns = [
    ...months.map((m) => m.index),
    ...(['value', 'status', 'target', 'period'] as const).flatMap((r) => (roles[r] ? [roles[r].index] : [])),
    ...layout.indicatorTargets.map((t) => t.index),
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
  // Cells that are column names (地区, 累计完成) or an indicator's name over a column (改造各类棚户区（套）):
  // two in a row of no figures make it another table's header.
  const words = `[${quoteList([...HEADER_WORDS])}]`;
  const asHeader = (i: number) => `lower(regexp_replace(${k(i)}, '[（(][^)）]*[)）]|\\s', '', 'g'))`;
  const headerCells =
    columns
      .map(
        (i) =>
          `(${k(i)} IS NOT NULL AND (list_contains(${words}, ${asHeader(i)}) OR ${asHeader(i)} IN (SELECT name FROM indicator)))::INTEGER`,
      )
      .join(' + ') || '0';
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
    `contains(${raw(roles.period?.index)}, '计')`,
    `contains(${raw(roles.indicator?.index)}, $indicator_header)`,
    ...dataColumns.flatMap((i) => headerTexts(i).map((t) => `r.c${i} = ${literal(t)}`)),
    `contains(r.c0, '：')`,
    `list_contains([${quoteList(SIGN_OFF_LABELS)}], trim(r.c0))`,
    `list_contains([${quoteList(SIGN_OFF_LABELS)}], trim(${raw(roles.indicator?.index)}))`,
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
        WHEN list_contains([${quoteList(SIGN_OFF_LABELS)}], replace(replace(first_text, ' ', ''), '　', ''))
          OR list_contains([${quoteList(SIGN_OFF_LABELS)}], replace(replace(coalesce(ind, ''), ' ', ''), '　', '')) THEN 'note'
        WHEN ${sameHeader} AND ${filled} >= 2 THEN 'header'
        WHEN ind = $indicator_header OR ${headerCells} >= 2 THEN 'new_header'
        WHEN values_blank AND regexp_matches(coalesce(ind, ''), ${literal(PART_HEADING_PATTERN)}) THEN 'part'
        WHEN replace(replace(coalesce(ind, ''), ' ', ''), '　', '') IN (${quoteList(TOTALS)})
          OR replace(replace(coalesce(reg, ''), ' ', ''), '　', '') IN (${quoteList(REGION_TOTAL_WORDS)})
          OR replace(replace(coalesce(per, ''), ' ', ''), '　', '') IN (${quoteList(TOTALS)}) THEN 'total'
        WHEN values_blank AND (ind IS NULL OR regexp_matches(ind, ${literal(HEADING_PATTERN)})
          OR regexp_matches(coalesce(serial, ''), ${literal(SERIAL_HEADING_PATTERN)})
          OR (${serialIndex >= 0} AND serial IS NULL)) THEN 'group'
        -- A line of text with no figure that names no indicator: a footnote without a colon
        -- (以上数据为快报数…), a sign-off (省住建厅计划财务处 2021年10月8日), not an unknown indicator.
        WHEN values_blank AND ${k(roles.note?.index)} IS NULL
          AND upper(ind) NOT IN (SELECT upper(code) FROM indicator)
          AND regexp_replace(ind, '\\s+', '', 'g') NOT IN (SELECT name FROM indicator) THEN 'note'
      END AS kind
      FROM (
        SELECT *, coalesce(${columns.map(k).join(', ')}) AS first_text, ${k(roles.indicator?.index)} AS ind,
          ${k(roles.region?.index)} AS reg, ${k(roles.period?.index)} AS per, ${serial} AS serial,
          (${valuesBlank}) AS values_blank
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

/**
 * A 合计 row in the region column under rows of regions that share one parent (the prefectures,
 * or one city's counties) is that parent's figure: its region cell is read as the parent's name
 * (before the layout rows are dropped), unless a row names the parent already. Otherwise it stays a
 * total, dropped and reported. Returns the parent and the lines, or null.
 */
export async function readRegionTotals(
  tx: Tx,
  table: Table,
): Promise<{ region: string; lines: number[] } | null> {
  const { roles } = table.shape.layout;
  if (!roles.region) return null;
  const region = `r.c${roles.region.index}`;
  const indicator = roles.indicator ? `r.c${roles.indicator.index}` : 'NULL::VARCHAR';
  const stripped = (column: string) => `regexp_replace(coalesce(${column}, ''), '[\\s\u3000]+', '', 'g')`;
  const totals = quoteList(REGION_TOTALS);
  // Every total has a 计 in it: the byte test spares a million rows the regular expression.
  const totalRows = `contains(${region}, '计') AND ${stripped(region)} IN (${totals})
    AND ${stripped(indicator)} NOT IN (${quoteList(TOTALS)})`;
  const [any] = await rows<{ rn: number }>(tx, `SELECT rn FROM ingest_raw r WHERE ${totalRows} LIMIT 1`);
  if (!any) return null;
  const [found] = await rows<{ parents: string[] | null; named: number; province: string | null }>(
    tx,
    `WITH texts AS (
       SELECT ${stripped('raw')} AS text FROM (SELECT DISTINCT ${region} AS raw FROM ingest_raw r)
       WHERE ${stripped('raw')} NOT IN (${quoteList(TOTALS)}, '')
     ),
     named AS (SELECT region FROM tz_region_names((SELECT list(text) FROM texts)) WHERE region IS NOT NULL)
     SELECT (SELECT list(DISTINCT g.parent) FROM named n JOIN region g ON g.name = n.region) AS parents,
       (SELECT count(*) FROM named) AS named,
       (SELECT min(name) FROM region WHERE level = 'province') AS province`,
  );
  const parents = (found?.parents ?? []).filter((p) => p !== null);
  // Only totals in the region column (every row 合计): the province's figures.
  const parent = found?.named === 0 ? found.province : parents.length === 1 ? parents[0] : null;
  if (!parent) return null;
  // Per indicator: a 合计 beside the parent's own row is a total of the rows, not the parent's figure.
  const inOwn = (column: string) => column.replace(/\br\./g, 'o.');
  const own = `NOT EXISTS (SELECT 1 FROM ingest_raw o
      JOIN tz_region_names((SELECT list(DISTINCT ${stripped(region)}) FROM ingest_raw r)) n ON n.text = ${inOwn(stripped(region))}
      WHERE n.region = $parent AND ${inOwn(stripped(region))} NOT IN (${quoteList(TOTALS)})
        AND ${inOwn(indicator)} IS NOT DISTINCT FROM ${indicator})`;
  const read = `${totalRows} AND ${own}`;
  const lines = await rows<{ line: number }>(
    tx,
    `SELECT l.line FROM ingest_lines l WHERE l.rn IN (SELECT rn FROM ingest_raw r WHERE ${read}) ORDER BY l.line`,
    { parent },
  );
  if (lines.length === 0) return null;
  await tx.connection.run(
    `UPDATE ingest_raw SET c${roles.region.index} = $parent WHERE rn IN (SELECT rn FROM ingest_raw r WHERE ${read})`,
    { parent },
  );
  return { region: parent, lines: lines.map((l) => l.line) };
}

/** A header row of a different table further down: the rows under it would be read in the wrong columns. */
export function anotherHeader(line: number, table: Table): Problem {
  const r = table.shape.layout.roles;
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
