import type { Tx } from '../store/store.js';
import type { Role } from './columns.js';
import type { Table } from './source.js';

/** Roles copied from the file into the staged table, each as `<role>_raw` text. */
const STAGED_ROLES = ['indicator', 'period', 'value', 'region', 'note', 'basis', 'status', 'series'] as const;
/** Roles whose header a problem names (the value's is per row: a wide sheet's month). */
const HEADER_ROLES = STAGED_ROLES.filter((role) => role !== 'value');

/**
 * Builds ingest_staged: one row per reported cell in the long form (line, indicator_raw, period_raw,
 * value_raw, …, and the header of its value). A wide sheet (one column per month) is unpivoted
 * with DuckDB's UNPIVOT. The column list depends on the file, so this statement is assembled here;
 * it only ever names the generated columns c0…cN, and every header text is a bound parameter.
 * The other headers are the same for every row of a table: they are written once, to
 * ingest_columns (for the problems' messages), not carried by a million rows.
 * `lineOffset`: when no line was rejected, row rn is line rn + lineOffset, and the rows need no
 * join with ingest_lines (null: they do).
 */
export async function stageRows(tx: Tx, table: Table, lineOffset: number | null): Promise<void> {
  const layout = table.shape.layout;
  // A table without an indicator column whose title names one: every row is that indicator's.
  const column = (role: Role) => {
    const found = layout.roles[role];
    if (!found && role === 'indicator' && layout.tableIndicator) return '$table_indicator::VARCHAR';
    // 市州 | 县区: the county, else the city (a city's own row, or its merged cell's first row).
    if (found && role === 'region' && layout.regionParent)
      return `coalesce(nullif(trim(r.c${found.index}), ''), r.c${layout.regionParent.index})`;
    return found ? `r.c${found.index}` : 'NULL::VARCHAR';
  };
  const tableIndicator: Record<string, string> = layout.tableIndicator
    ? { table_indicator: layout.tableIndicator.name }
    : {};
  const header = (role: Role) => layout.roles[role]?.name ?? null;
  const [line, rows] =
    lineOffset === null
      ? ['l.line', 'ingest_raw r JOIN ingest_lines l USING (rn)']
      : [`CAST(r.rn + ${Math.trunc(lineOffset)} AS INTEGER)`, 'ingest_raw r'];
  await tx.run('ingest/insert_columns', {
    line_from: table.lineBase,
    ...Object.fromEntries(HEADER_ROLES.map((role) => [role, header(role)])),
  });

  if (layout.format === 'long') {
    const raw = STAGED_ROLES.map((role) => `${column(role)} AS ${role}_raw`).join(', ');
    await tx.connection.run(
      `CREATE OR REPLACE TEMP TABLE ingest_staged AS
       SELECT ${line} AS line, ${raw}, NULL::INTEGER AS month_year, NULL::INTEGER AS month_no,
         $h_value::VARCHAR AS value_column
       FROM ${rows}`,
      { h_value: header('value'), ...tableIndicator },
    );
    return;
  }

  // Indicators across beside a 统计期 column: the period is each row's, not a column's.
  const rowPeriod = layout.months.every((m) => m.rowPeriod);
  const keep = STAGED_ROLES.filter((role) => role !== 'value' && (role !== 'period' || rowPeriod))
    .map((role) => `${column(role)} AS ${role}_raw`)
    .join(', ');
  const monthColumns = layout.months.map((m) => `r.c${m.index} AS m${m.index}`).join(', ');
  const months = JSON.stringify(
    layout.months.map((m) => ({
      key: `m${m.index}`,
      name: m.name,
      year: m.year,
      month: m.month,
      indicator: m.indicator ?? null,
      region: m.region ?? null,
    })),
  );
  await tx.connection.run(
    `CREATE OR REPLACE TEMP TABLE ingest_staged AS
     WITH months AS (
       SELECT unnest(from_json($months, '[{"key":"VARCHAR","name":"VARCHAR","year":"INTEGER","month":"INTEGER","indicator":"VARCHAR","region":"VARCHAR"}]'),
         recursive := true)
     ),
     wide AS (SELECT ${line} AS line, ${keep}, ${monthColumns} FROM ${rows}),
     cells AS (
       SELECT * FROM wide
       UNPIVOT INCLUDE NULLS (value_raw FOR month_key IN (${layout.months.map((m) => `m${m.index}`).join(', ')}))
     )
     SELECT c.line, coalesce(m.indicator, c.indicator_raw) AS indicator_raw, ${rowPeriod ? 'c.period_raw' : 'NULL::VARCHAR'} AS period_raw, c.value_raw, coalesce(m.region, c.region_raw) AS region_raw, c.note_raw, c.basis_raw,
       c.status_raw, c.series_raw, m.year AS month_year, ${rowPeriod ? 'NULL::INTEGER' : 'm.month'} AS month_no, m.name AS value_column
     FROM cells c JOIN months m ON m.key = c.month_key`,
    { months, ...tableIndicator },
  );
}
