import { createWriteStream, readFileSync, rmSync, type WriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { DateDay, Float64, Int32, RecordBatchFileWriter, Table, Utf8, vectorFromArray } from 'apache-arrow';
import ExcelJS from 'exceljs';
import type { Store } from '../store/store.js';
import { tempPath } from '../tempfiles.js';
import { BOM, csvCell } from './csv.js';
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

/**
 * A snapshot written to a file a chunk of rows at a time, so that a national snapshot (hundreds of
 * thousands of rows) never sits in memory whole. Every format has one writer, used for the small
 * in-memory snapshots too (`encodeRows`), so both give the same bytes.
 */
export interface SnapshotWriter {
  rows(rows: SnapshotRow[]): Promise<void>;
  /** Finishes the file; returns its path. */
  end(): Promise<string>;
}

export interface SnapshotMeta {
  params: object;
  notes: [string, string][];
}

export async function openSnapshotWriter(
  store: Store,
  format: Format,
  meta: SnapshotMeta,
): Promise<SnapshotWriter> {
  const file = tempPath(`.${format}`);
  switch (format) {
    case 'csv':
      return textWriter(file, csvText);
    case 'json':
      return textWriter(file, jsonText(meta.params));
    case 'parquet':
      return parquetWriter(store, file);
    case 'arrow':
      return arrowWriter(file);
    case 'xlsx':
      return xlsxWriter(file, meta.notes);
  }
}

/** A whole snapshot's bytes in one format (the writer above, read back). */
export async function encodeRows(store: Store, rows: SnapshotRow[], format: Format, meta: SnapshotMeta) {
  const writer = await openSnapshotWriter(store, format, meta);
  await writer.rows(rows);
  const file = await writer.end();
  try {
    return readFileSync(file);
  } finally {
    rmSync(file, { force: true });
  }
}

/** How a text format begins, writes its rows (the first chunk knows it is first) and ends. */
interface TextEncoding {
  begin: string;
  rows(rows: SnapshotRow[], first: boolean): string;
  end(wroteAny: boolean): string;
}

/**
 * A ratio as people read it in a CSV opened by Excel: 0.6916666 → 69.2, under a header that says
 * it is a percentage (完成率（%）). JSON, Parquet and Arrow keep the ratio for scripts; XLSX keeps it
 * with a percent format.
 */
const csvPercent = (value: unknown) =>
  typeof value === 'number' ? Math.round(value * 1000) / 10 : (value as null | undefined);

/** CSV for Excel on Chinese Windows: BOM, Chinese headers, CRLF, RFC 4180, formula-like text neutralised. */
const csvText: TextEncoding = {
  begin: `${BOM}${SNAPSHOT_COLUMNS.map((c) => csvCell(c.type === 'ratio' ? `${c.header}（%）` : c.header)).join(',')}\r\n`,
  rows: (rows) =>
    rows
      .map(
        (row) =>
          `${SNAPSHOT_COLUMNS.map((c) => csvCell(c.type === 'ratio' ? csvPercent(row[c.key]) : row[c.key])).join(',')}\r\n`,
      )
      .join(''),
  end: () => '',
};

/** How the snapshot's CSV begins: the BOM and the header row (the by-region CSV's rows come from DuckDB). */
export const CSV_BEGIN = csvText.begin;

/** JSON for scripts: the parameters and the rows, keys in a fixed order, laid out as JSON.stringify(…, null, 2). */
function jsonText(params: object): TextEncoding {
  const indent = (text: string, by: string) => text.split('\n').join(`\n${by}`);
  return {
    begin: `{\n  "parameters": ${indent(JSON.stringify(params, null, 2), '  ')},\n  "indicators": [`,
    rows: (rows, first) =>
      rows
        .map(
          (row, i) => `${first && i === 0 ? '' : ','}\n    ${indent(JSON.stringify(row, null, 2), '    ')}`,
        )
        .join(''),
    end: (wroteAny) => (wroteAny ? '\n  ]\n}\n' : ']\n}\n'),
  };
}

async function textWriter(file: string, encoding: TextEncoding): Promise<SnapshotWriter> {
  const out = createWriteStream(file);
  let wroteAny = false;
  await write(out, encoding.begin);
  return {
    rows: async (rows) => {
      if (rows.length === 0) return;
      await write(out, encoding.rows(rows, !wroteAny));
      wroteAny = true;
    },
    end: async () => {
      await write(out, encoding.end(wroteAny));
      await close(out);
      return file;
    },
  };
}

const DUCKDB_TYPES: Record<ColumnType, string> = {
  string: 'VARCHAR',
  integer: 'INTEGER',
  number: 'DOUBLE',
  ratio: 'DOUBLE',
  date: 'DATE',
};

/**
 * Parquet written by DuckDB from the rows (as JSON lines), with the column types above. COPY takes
 * no bound parameter for its target, so both paths are made here (tempPath), never taken from a request.
 */
async function parquetWriter(store: Store, file: string): Promise<SnapshotWriter> {
  const input = tempPath('.json');
  const out = createWriteStream(input);
  return {
    rows: (rows) => write(out, rows.map((r) => `${JSON.stringify(r)}\n`).join('')),
    end: async () => {
      await close(out);
      const columns = SNAPSHOT_COLUMNS.map((c) => `'${c.key}': '${DUCKDB_TYPES[c.type]}'`).join(', ');
      try {
        await store.exportQuery(
          `COPY (SELECT * FROM read_json('${input}', format = 'newline_delimited', columns = {${columns}}))
           TO '${file}' (FORMAT parquet, COMPRESSION zstd)`,
        );
      } finally {
        rmSync(input, { force: true });
      }
      return file;
    },
  };
}

/** Arrow IPC (file format) with real types: dates as days, numbers as doubles, text as UTF-8; a record batch per chunk. */
async function arrowWriter(file: string): Promise<SnapshotWriter> {
  const writer = new RecordBatchFileWriter();
  const done = pipeline(writer.toNodeStream(), createWriteStream(file));
  let wroteAny = false;
  const put = (rows: SnapshotRow[]) => {
    for (const batch of arrowTable(rows).batches) writer.write(batch);
    wroteAny = true;
  };
  return {
    rows: async (rows) => {
      if (rows.length > 0) put(rows);
    },
    end: async () => {
      // A file with no rows still carries the schema.
      if (!wroteAny) writer.write(arrowTable([]));
      writer.finish();
      await done;
      return file;
    },
  };
}

function arrowTable(rows: SnapshotRow[]): Table {
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
  return new Table(vectors);
}

const XLSX_FORMATS: Partial<Record<ColumnType, string>> = {
  integer: '0',
  number: '#,##0.##',
  ratio: '0.0%',
  date: 'yyyy-mm-dd',
};

/**
 * A real workbook, written row by row (exceljs's streaming writer): typed cells (numbers,
 * percentages, dates), the header row frozen, column widths set, and a second sheet with the notes.
 */
async function xlsxWriter(file: string, notes: [string, string][]): Promise<SnapshotWriter> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
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
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  return {
    rows: async (rows) => {
      for (const row of rows) {
        sheet
          .addRow(
            Object.fromEntries(
              SNAPSHOT_COLUMNS.map((c) => {
                const value = row[c.key];
                return [
                  c.key,
                  c.type === 'date' && typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value,
                ];
              }),
            ),
          )
          .commit();
      }
    },
    end: async () => {
      sheet.commit();
      const notesSheet = workbook.addWorksheet('说明');
      notesSheet.columns = [
        { header: '项目', key: 'k', width: 14 },
        { header: '内容', key: 'v', width: 90 },
      ];
      for (const [k, v] of notes) notesSheet.addRow({ k, v }).commit();
      notesSheet.commit();
      await workbook.commit();
      return file;
    },
  };
}

function write(out: WriteStream, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((resolve, reject) => {
    out.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

function close(out: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
}
