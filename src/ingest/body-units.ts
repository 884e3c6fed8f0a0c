import type { Tx } from '../store/store.js';
import type { BodyNotes } from './body.js';
import { cell, rows } from './body-sql.js';
import type { Problem } from './problems.js';
import type { Table } from './source.js';

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
export async function scaleValues(
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
         -- 累计完成（套） over 改造各类棚户区（万套） 1.2 and 租赁补贴（万户） 6.1: the row's own unit is the
         -- figure's where it is larger or of another kind than the column's.
         (ru.unit IS NOT NULL AND c.unit IS NOT NULL AND (${POW_SQL('ru.unit')} > ${POW_SQL('c.unit')}
           OR regexp_replace(ru.unit, '^[万亿]', '') <> regexp_replace(c.unit, '^[万亿]', ''))) AS row_wins,
         CASE WHEN row_wins THEN ru.unit ELSE coalesce(c.unit, ru.unit, CAST($table_unit AS VARCHAR)) END AS unit,
         CASE WHEN row_wins THEN ru.source WHEN c.unit IS NOT NULL THEN '“' || s.value_column || '”列' WHEN ru.unit IS NOT NULL THEN ru.source
           ELSE '表头上方的“单位：' || CAST($table_unit AS VARCHAR) || '”' END AS source,
         k.unit AS catalogue_unit,
         -- A column's or the table's unit covers rows of every kind; a row's own unit only its row.
         (c.unit IS NOT NULL AND NOT row_wins) OR ru.unit IS NULL AS broad
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

/**
 * The sheet's own target columns, kept per line to be compared with the catalogue once indicators
 * are known: the 目标值 column (for the row's indicator), and each one under an indicator's name
 * (改造各类棚户区 over 年度任务: for that indicator).
 */
export async function captureTargets(tx: Tx, table: Table, rowUnits: boolean): Promise<void> {
  const { roles, indicatorTargets } = table.shape.layout;
  const targets = [...(roles.target ? [{ ...roles.target, indicator: null }] : []), ...indicatorTargets];
  for (const target of targets) await captureTarget(tx, table, rowUnits, target);
}

async function captureTarget(
  tx: Tx,
  table: Table,
  rowUnits: boolean,
  target: { index: number; name: string; indicator: string | null },
): Promise<void> {
  const unit = table.shape.layout.units[target.index] ?? null;
  await tx.connection.run(
    `INSERT INTO ingest_targets
     SELECT line, target_raw, $column, unit, ${POW_SQL("coalesce(unit, '')")}, $indicator
     FROM (
       SELECT l.line, trim(r.c${target.index}) AS target_raw,
         coalesce(CAST($column_unit AS VARCHAR), ${rowUnits ? 'ru.unit' : 'NULL'}, CAST($table_unit AS VARCHAR)) AS unit
       FROM ingest_raw r JOIN ingest_lines l USING (rn)
       ${rowUnits ? 'LEFT JOIN ingest_row_units ru ON ru.line = l.line' : ''}
       WHERE ${cell(target.index)} IS NOT NULL
     )`,
    {
      column: target.name,
      column_unit: unit,
      table_unit: table.shape.context.unit,
      indicator: target.indicator,
    },
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
     JOIN (
       -- The catalogue's target is the province's: a city's row (its own 年度任务) is not held to it.
       SELECT line, NULL::VARCHAR AS indicator, min(code) AS code FROM ingest_checked
       WHERE code IS NOT NULL AND region IN (SELECT name FROM region WHERE level = 'province') GROUP BY line
       UNION ALL
       -- A target under an indicator's name is that indicator's: the line's cell of its name.
       SELECT k.line, s.indicator_raw, min(k.code)
       FROM ingest_checked k JOIN ingest_staged s ON s.rowid = k.cell
       WHERE k.code IS NOT NULL AND s.indicator_raw IN (SELECT indicator FROM ingest_targets)
         AND k.region IN (SELECT name FROM region WHERE level = 'province')
       GROUP BY ALL
     ) c ON c.line = t.line AND c.indicator IS NOT DISTINCT FROM t.indicator
     JOIN indicator i ON i.code = c.code
     WHERE i.target IS NOT NULL AND i.kind <> 'milestone'
     ORDER BY t.line, t.rowid LIMIT 1000`,
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
