import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { HeaderNames } from './columns.js';
import { decodeToUtf8, type Encoding } from './decode.js';
import { readHead } from './header.js';
import { IngestError, type Problem } from './problems.js';
import { sheetProblem } from './sheet-problem.js';
import { findTable, type TableShape } from './table.js';
import { inspectWorkbook } from './workbook-limits.js';

/**
 * Lines of a workbook's second, third … table are numbered from 10,000,000, 20,000,000 …, so every
 * staged row of one upload has its own line (duplicate detection in SQL relies on it) while each
 * sheet keeps its Excel row numbers; placeProblems turns them back into sheet and row.
 */
export const SHEET_LINE_STRIDE = 10_000_000;

/** One table for DuckDB to read: a CSV file, how many records to skip, and what its columns are. */
export interface Table {
  /** The sheet it came from, or null for a CSV upload. */
  sheet: string | null;
  file: string;
  delimiter: ',' | '\t' | ';';
  /** Records before the first data row (title, header, unit line), skipped by read_csv. */
  skip: number;
  width: number;
  /** The line number of the first data record (its row as the clerk sees it, plus lineBase). */
  firstLine: number;
  lineBase: number;
  shape: TableShape;
}

/** What the front stage made of an upload: the tables to read, and what it found on the way. */
export interface Source {
  sha256: string;
  encoding: Encoding;
  tables: Table[];
  /** Problems of the file's layout and cells, already naming sheet and row; errors reject the file. */
  problems: Problem[];
  skippedSheets: { sheet: string; reason: string }[];
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * The front stage of every import: tells a workbook from a CSV by its content (never its name),
 * finds the table in it (title rows, header of one to three rows, notes) and hands the pipeline
 * CSV files DuckDB reads directly. A CSV is only decoded to UTF-8 (unless it is already: then DuckDB
 * reads the upload itself, through a link) and read from the header on (a skip count, so a million-row file never
 * passes through JavaScript as text); a workbook is weighed before
 * it is loaded, then each sheet with a table becomes a CSV of its data rows.
 *
 * Throws IngestError only for a file that cannot even be decoded (then its hash is unknown).
 */
export async function openSource(file: string, dir: string, headers?: HeaderNames): Promise<Source> {
  const first = await readStart(file, 8);
  if (startsWith(first, OLE2)) throw await legacyWorkbook(file);
  if (startsWith(first, ZIP)) return openWorkbook(file, dir, headers);
  if (await isWebPage(file)) throw webPage();
  return openCsv(file, dir, headers);
}

/**
 * A web page saved with a spreadsheet's name: what many government systems' "导出Excel" gives
 * (<html><table>… named .xls). Told by its first bytes (a byte-order mark and spaces skipped).
 */
async function isWebPage(file: string): Promise<boolean> {
  const head = (await readStart(file, 1024))
    .toString('latin1')
    .replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '');
  // UTF-16 text has a zero byte beside each ASCII one: dropped, so its tags read too.
  const text = head.split(String.fromCharCode(0)).join('').trimStart().toLowerCase();
  return (
    /^<(?:!doctype html|html|table|\?xml[^>]*>\s*<html)/.test(text) ||
    /^<\?xml[^>]*>\s*<\?mso-application/.test(text)
  );
}

const webPage = () =>
  new IngestError(
    'web_page',
    '这个文件是网页格式（HTML，常见于业务系统“导出Excel”得到的 .xls），不是 Excel 工作簿或 CSV。请用 Excel 打开它，选择“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”或“CSV（逗号分隔）”后再上传。',
  );

async function openCsv(file: string, dir: string, headers?: HeaderNames): Promise<Source> {
  const decoded = await decodeToUtf8(file, path.join(dir, 'upload.csv'));
  const source: Source = {
    sha256: decoded.sha256,
    encoding: decoded.encoding,
    tables: [],
    problems: decoded.warning
      ? [
          {
            line: null,
            column: null,
            severity: 'warning',
            code: 'encoding_doubt',
            message: decoded.warning,
            found: null,
          },
        ]
      : [],
    skippedSheets: [],
  };
  try {
    const head = await readHead(decoded.file);
    const found = findTable(head.rows, { headers });
    if (!found.ok) {
      source.problems.push(wholeFile('no_header', found.message));
      return source;
    }
    const shape = found.table;
    source.problems.push(...shapeProblems(shape));
    source.tables.push({
      sheet: null,
      file: decoded.file,
      delimiter: head.delimiter,
      skip: shape.dataStart - 1,
      width: shape.names.length,
      firstLine: shape.dataStart,
      lineBase: 0,
      shape,
    });
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    source.problems.push(wholeFile(error.code, error.message));
  }
  return source;
}

async function openWorkbook(file: string, dir: string, headers?: HeaderNames): Promise<Source> {
  const source: Source = {
    sha256: await sha256Of(file),
    encoding: 'xlsx',
    tables: [],
    problems: [],
    skippedSheets: [],
  };
  try {
    const sheets = await inspectWorkbook(file);
    // exceljs takes a second to load: only an upload that is a workbook pays for it.
    const { readWorkbook } = await import('./workbook.js');
    const workbook = await readWorkbook(file, dir, sheets, headers);
    source.skippedSheets = workbook.skipped;
    source.problems.push(...workbook.problems);
    workbook.tables.forEach((t, i) => {
      const lineBase = i * SHEET_LINE_STRIDE;
      source.problems.push(
        ...shapeProblems(t.shape).map((p) =>
          sheetProblem(t.sheet, p.line, p.code, p.message, p.column, p.found, p.severity),
        ),
      );
      source.tables.push({
        sheet: t.sheet,
        file: t.file,
        delimiter: ',',
        skip: 0,
        width: t.width,
        firstLine: lineBase + t.shape.dataStart,
        lineBase,
        shape: t.shape,
      });
    });
    if (source.tables.length === 0) {
      const visible = sheets.filter((s) => s.kind === 'worksheet' && s.state === 'visible').length;
      const reasons = workbook.skipped.map((s) => `工作表“${s.sheet}”${s.reason}`).join('；');
      if (visible !== 1 || workbook.refusal.length === 0)
        source.problems.push(wholeFile('no_table', `工作簿中没有可导入的表格：${reasons || '没有工作表'}。`));
      source.problems.push(...workbook.refusal);
    }
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    source.problems.push(wholeFile(error.code, error.message));
  }
  return source;
}

async function legacyWorkbook(file: string): Promise<IngestError> {
  // An .xlsx with a password to open is stored in the old container, as an EncryptedPackage stream.
  const start = await readStart(file, 4 << 20);
  if (start.includes(ENCRYPTED_PACKAGE))
    return new IngestError(
      'encrypted',
      '工作簿设有打开密码，无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码），另存为 .xlsx 或 CSV 后再上传。',
    );
  return new IngestError(
    'legacy_xls',
    '这是旧版 Excel 工作簿（.xls），无法直接读取。请在 Excel 中选择“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”或“CSV（逗号分隔）”，另存为 .xlsx 或 CSV 后再上传。',
  );
}

/** The header's problems, and a warning for a 单位：… line that names more than one unit. */
function shapeProblems(shape: TableShape): Problem[] {
  const unclear = shape.context.unclearUnit;
  if (!unclear) return shape.layout.problems;
  return [
    ...shape.layout.problems,
    {
      line: unclear.row,
      column: null,
      severity: 'warning',
      code: 'unclear_unit',
      message: `单位“${unclear.text}”不是一个单位，数值按原样读取，请核对（可在“单位”列或表头中为每项写明，如“完成值（万人）”）`,
      found: unclear.text,
    },
  ];
}

function wholeFile(code: string, message: string): Problem {
  return { line: null, column: null, severity: 'error', code, message, found: null };
}

/**
 * Problems from SQL carry the staged line; for a workbook that is turned back into its sheet and
 * row, and the message is prefixed with both (工作表“1-10月”第12行：…), as is a line it refers to
 * (与第12行重复). A CSV's problems are left as they are: their line is the file's line.
 */
export function placeProblems(problems: Problem[], tables: Table[]): Problem[] {
  if (!tables.some((t) => t.sheet !== null)) return problems;
  return problems.map((p) => {
    if (p.sheet !== undefined || p.line === null) return p;
    const at = locate(p.line, tables);
    if (!at.sheet) return p;
    const message = p.message.replace(/第(\d+)行/g, (_, n: string) => {
      const other = locate(Number(n), tables);
      return other.sheet === at.sheet ? `第${other.row}行` : `工作表“${other.sheet}”第${other.row}行`;
    });
    return sheetProblem(at.sheet, at.row, p.code, message, p.column, p.found, p.severity);
  });
}

/** A preview row's line as its sheet and row. */
export function placeRow<T extends { line: number }>(row: T, tables: Table[]): T & { sheet?: string } {
  if (!tables.some((t) => t.sheet !== null)) return row;
  const at = locate(row.line, tables);
  return at.sheet ? { ...row, line: at.row, sheet: at.sheet } : row;
}

function locate(line: number, tables: Table[]): { sheet: string | null; row: number } {
  const table = tables.find((t) => line >= t.lineBase && line < t.lineBase + SHEET_LINE_STRIDE);
  return table ? { sheet: table.sheet, row: line - table.lineBase } : { sheet: null, row: line };
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function readStart(file: string, n: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(file, { start: 0, end: n - 1 }) as AsyncIterable<Buffer>)
    chunks.push(chunk);
  return Buffer.concat(chunks);
}

function startsWith(buffer: Buffer, prefix: number[]): boolean {
  return prefix.every((byte, i) => buffer[i] === byte);
}
