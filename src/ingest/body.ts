import { structValue } from '@duckdb/node-api';
import type { Tx } from '../store/store.js';
import {
  clearBlankMarkers,
  distinctTexts,
  fillDownIndicators,
  type RegionFrom,
  readPeriodTexts,
  regionOfTable,
  setColumnBases,
  tidyNames,
  unwrapTextFormulas,
} from './body-cells.js';
import { readPartRows } from './body-parts.js';
import { anotherHeader, dropLayoutRows, readRegionTotals } from './body-rows.js';
import { captureTargets, scaleValues } from './body-units.js';
import { IngestError, type Problem } from './problems.js';
import type { Table } from './source.js';
import { stageRows } from './stage.js';
import type { SkippedKind } from './table.js';

export { checkTargets } from './body-units.js';

export interface BodyNotes {
  /** Rows of the tables that were not data, by kind, as staged lines. */
  rows: { kind: SkippedKind; line: number }[];
  /** Figures multiplied because of a unit (万人 → ×10000), per table. */
  scaling: { table: number; source: string; unit: string; factor: number; cells: number }[];
  /** Figures whose unit is larger in the catalogue than on the sheet (万元 against 亿元): left as written. */
  unscaled: { table: number; source: string; unit: string; cells: number }[];
  /** A sheet, a 填报单位 line or a title that names a region (长春市) whose rows name none: theirs. */
  regions: { table: number; region: string; from: RegionFrom; text: string }[];
  /** Rows with figures but no indicator, which took the name of the row above (a merged name). */
  filled: { table: number; lines: number[] }[];
  /** 合计 rows in the region column read as the region above the listed ones (全省 over the cities). */
  totals: { table: number; region: string; lines: number[] }[];
  /** 其中：长春市 rows, read as the indicator above for that region, by staged line. */
  parts: { table: number; lines: number[] }[];
  /** Whether any table has a 目标值 column to check against the catalogue. */
  targets: boolean;
  /** Rows that cannot be read in this table's layout (another table's header), by staged line. */
  problems: Problem[];
}

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
  options: { basis?: 'cumulative' | 'increment' | undefined; region?: string | undefined },
): Promise<BodyNotes> {
  const notes: BodyNotes = {
    rows: [],
    scaling: [],
    unscaled: [],
    regions: [],
    filled: [],
    totals: [],
    parts: [],
    targets: false,
    problems: [],
  };
  await tx.run('ingest/create_columns');
  for (const [i, table] of tables.entries()) {
    await readCsv(tx, table);
    // Most files have no line DuckDB could not split: then each row's line follows from its number.
    const [{ n: rejected } = { n: 0 }] = await tx.all<{ n: number }>('ingest/count_rejects');
    await tx.run(rejected === 0 ? 'ingest/lines_in_order' : 'ingest/lines', { first_line: table.firstLine });
    const totals = await readRegionTotals(tx, table);
    if (totals) notes.totals.push({ table: i, ...totals });
    const headings: number[] = [];
    for (const row of await dropLayoutRows(tx, table)) {
      if (row.kind !== 'new_header') notes.rows.push({ kind: row.kind, line: row.line });
      else notes.problems.push(anotherHeader(row.line, table));
      if (row.kind === 'part') headings.push(row.line);
    }
    const filled = await fillDownIndicators(tx, table);
    if (filled.length > 0) notes.filled.push({ table: i, lines: filled });
    await stageRows(tx, table, rejected === 0 ? table.firstLine - 1 : null);
    await unwrapTextFormulas(tx);
    await clearBlankMarkers(tx, table);
    const parts = await readPartRows(tx, headings);
    for (const line of parts.dropped) notes.rows.push({ kind: 'part', line });
    if (parts.regional.length > 0) notes.parts.push({ table: i, lines: parts.regional });
    const texts = await distinctTexts(tx, table);
    await readPeriodTexts(tx, table, texts.periods);
    await setColumnBases(tx, table, tables.length > 1 && !options.basis);
    // A region chosen with the upload wins over one read from a sheet's name.
    const region = options.region ? null : await regionOfTable(tx, table);
    if (region) notes.regions.push({ table: i, ...region });
    const units = await tidyNames(tx, texts.names);
    const rowUnits = await scaleValues(tx, table, i, units, notes);
    if (table.shape.layout.roles.target || table.shape.layout.indicatorTargets.length > 0) {
      if (!notes.targets)
        await tx.connection.run(
          'CREATE OR REPLACE TEMP TABLE ingest_targets (line INTEGER, target_raw VARCHAR, column_name VARCHAR, unit VARCHAR, pow INTEGER, indicator VARCHAR)',
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
