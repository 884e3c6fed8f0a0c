import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DateDay, Float64, Int32, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import ExcelJS from 'exceljs';
import type { Store } from '../store/store.js';
import { tempPath } from '../tempfiles.js';
import { toCsv } from './csv.js';
import { type ColumnType, SNAPSHOT_COLUMNS, type SnapshotRow } from './snapshot.js';

export const FORMATS = ['csv', 'json', 'xlsx', 'parquet', 'arrow'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
  arrow: 'application/vnd.apache.arrow.file',
};

/** CSV for Excel on Chinese Windows: BOM, Chinese headers, RFC 4180, formula-like text neutralised. */
export function snapshotCsv(rows: SnapshotRow[]): Buffer {
  return Buffer.from(
    toCsv(
      SNAPSHOT_COLUMNS.map((c) => c.header),
      rows.map((row) => SNAPSHOT_COLUMNS.map((c) => row[c.key])),
    ),
    'utf8',
  );
}

/** JSON for scripts: the parameters and the rows, keys in a fixed order. */
export function snapshotJson(rows: SnapshotRow[], params: object): Buffer {
  return Buffer.from(`${JSON.stringify({ parameters: params, indicators: rows }, null, 2)}\n`, 'utf8');
}

const XLSX_FORMATS: Partial<Record<ColumnType, string>> = {
  integer: '0',
  number: '#,##0.##',
  ratio: '0.0%',
  date: 'yyyy-mm-dd',
};

/**
 * A real workbook: typed cells (numbers, percentages, dates), the header row frozen, column
 * widths set, and a second sheet with the snapshot's notes.
 */
export async function snapshotXlsx(rows: SnapshotRow[], notes: [string, string][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '台账 taizhang';
  // Fixed dates: the workbook says nothing about when it was downloaded.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('指标快照', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = SNAPSHOT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width:
      c.key === 'task_text'
        ? 60
        : c.key === 'name' || c.key === 'departments'
          ? 28
          : c.type === 'string'
            ? 14
            : 12,
    style: XLSX_FORMATS[c.type] ? { numFmt: XLSX_FORMATS[c.type] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      Object.fromEntries(
        SNAPSHOT_COLUMNS.map((c) => {
          const value = row[c.key];
          return [
            c.key,
            c.type === 'date' && typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value,
          ];
        }),
      ),
    );
  }
  const notesSheet = workbook.addWorksheet('说明');
  notesSheet.columns = [
    { header: '项目', key: 'k', width: 14 },
    { header: '内容', key: 'v', width: 90 },
  ];
  for (const [k, v] of notes) notesSheet.addRow({ k, v });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Arrow IPC (file format) with real types: dates as days, numbers as doubles, text as UTF-8. */
export function snapshotArrow(rows: SnapshotRow[]): Buffer {
  const vectors = Object.fromEntries(
    SNAPSHOT_COLUMNS.map((c) => {
      const values = rows.map((r) => r[c.key]);
      switch (c.type) {
        case 'integer':
          return [c.key, vectorFromArray(values as (number | null)[], new Int32())];
        case 'number':
        case 'ratio':
          return [c.key, vectorFromArray(values as (number | null)[], new Float64())];
        case 'date':
          return [
            c.key,
            vectorFromArray(
              values.map((v) => (typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : null)),
              new DateDay(),
            ),
          ];
        default:
          return [c.key, vectorFromArray(values as (string | null)[], new Utf8())];
      }
    }),
  );
  return Buffer.from(tableToIPC(new Table(vectors), 'file'));
}

const DUCKDB_TYPES: Record<ColumnType, string> = {
  string: 'VARCHAR',
  integer: 'INTEGER',
  number: 'DOUBLE',
  ratio: 'DOUBLE',
  date: 'DATE',
};

/**
 * Parquet written by DuckDB from the rows, with the column types above. COPY takes no bound
 * parameter for its target, so both paths are generated here (tmpdir + random hex), never taken
 * from a request.
 */
export async function snapshotParquet(store: Store, rows: SnapshotRow[]): Promise<Buffer> {
  const input = tempPath('.json');
  const output = tempPath('.parquet');
  writeFileSync(input, rows.map((r) => JSON.stringify(r)).join('\n'));
  const columns = SNAPSHOT_COLUMNS.map((c) => `'${c.key}': '${DUCKDB_TYPES[c.type]}'`).join(', ');
  try {
    await store.exportQuery(
      `COPY (SELECT * FROM read_json('${input}', format = 'newline_delimited', columns = {${columns}}))
       TO '${output}' (FORMAT parquet, COMPRESSION zstd)`,
    );
    return readFileSync(output);
  } finally {
    rmSync(input, { force: true });
    rmSync(output, { force: true });
  }
}
