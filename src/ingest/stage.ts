import type { Tx } from '../store/store.js';
import type { ColumnLayout, Role } from './columns.js';

/** Roles copied from the file into the staged table, each as `<role>_raw` text. */
const STAGED_ROLES = ['indicator', 'period', 'value', 'region', 'note', 'basis', 'status', 'series'] as const;

/**
 * Builds ingest_staged: one row per reported cell in the long form (line, indicator_raw, period_raw,
 * value_raw, …, and the header each came from). A wide sheet (one column per month) is unpivoted
 * with DuckDB's UNPIVOT. The column list depends on the file, so this statement is assembled here;
 * it only ever names the generated columns c0…cN, and every header text is a bound parameter.
 */
export async function stageRows(tx: Tx, layout: ColumnLayout): Promise<void> {
  const column = (role: Role) => {
    const found = layout.roles[role];
    return found ? `r.c${found.index}` : 'NULL::VARCHAR';
  };
  const headers: Record<string, string | null> = {};
  for (const role of STAGED_ROLES) headers[`h_${role}`] = layout.roles[role]?.name ?? null;
  const headerColumns = STAGED_ROLES.filter((r) => r !== 'value')
    .map((role) => `$h_${role}::VARCHAR AS ${role}_column`)
    .join(', ');

  if (layout.format === 'long') {
    const raw = STAGED_ROLES.map((role) => `${column(role)} AS ${role}_raw`).join(', ');
    await tx.connection.run(
      `CREATE OR REPLACE TEMP TABLE ingest_staged AS
       SELECT l.line, ${raw}, NULL::INTEGER AS month_year, NULL::INTEGER AS month_no,
         ${headerColumns}, $h_value::VARCHAR AS value_column
       FROM ingest_raw r JOIN ingest_lines l USING (rn)`,
      headers,
    );
    return;
  }

  const keep = STAGED_ROLES.filter((role) => role !== 'value' && role !== 'period')
    .map((role) => `${column(role)} AS ${role}_raw`)
    .join(', ');
  const monthColumns = layout.months.map((m) => `r.c${m.index} AS m${m.index}`).join(', ');
  const months = JSON.stringify(
    layout.months.map((m) => ({ key: `m${m.index}`, name: m.name, year: m.year, month: m.month })),
  );
  await tx.connection.run(
    `CREATE OR REPLACE TEMP TABLE ingest_staged AS
     WITH months AS (
       SELECT unnest(from_json($months, '[{"key":"VARCHAR","name":"VARCHAR","year":"INTEGER","month":"INTEGER"}]'),
         recursive := true)
     ),
     wide AS (SELECT l.line, ${keep}, ${monthColumns} FROM ingest_raw r JOIN ingest_lines l USING (rn)),
     cells AS (
       SELECT * FROM wide
       UNPIVOT INCLUDE NULLS (value_raw FOR month_key IN (${layout.months.map((m) => `m${m.index}`).join(', ')}))
     )
     SELECT c.line, c.indicator_raw, NULL::VARCHAR AS period_raw, c.value_raw, c.region_raw, c.note_raw, c.basis_raw,
       c.status_raw, c.series_raw, m.year AS month_year, m.month AS month_no, ${headerColumns}, m.name AS value_column
     FROM cells c JOIN months m ON m.key = c.month_key`,
    // Every bound name must appear in the statement: the value column's header is per month here.
    { ...Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'h_value')), months },
  );
}
