import { IngestError } from './problems.js';
import { inflateEntry, readZipEntries, type ZipEntry, ZipError } from './zip.js';

/** The widest sheet read: a bureau's table has tens of columns, never thousands. */
export const MAX_COLUMNS = 1000;
/** The most cells in one workbook (all sheets together). */
export const MAX_CELLS = 1_000_000;
/** The most bytes a workbook may inflate to (every part together): a zip bomb stops here. */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;

export interface SheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  kind: 'worksheet' | 'chartsheet' | 'other';
  /** The sheet's part inside the archive (xl/worksheets/sheet1.xml). */
  part: string | null;
  cells: number;
}

const number = (n: number) => new Intl.NumberFormat('zh-CN').format(n);

const RESAVE = '请在 Excel 中打开后另存为 .xlsx（或 CSV）再上传。';

/**
 * Weighs an .xlsx before anything loads it: from the zip's directory (declared sizes) and one
 * streaming pass over its parts (real sizes; each sheet's <dimension> and cells), so a sheet of
 * 100,000 columns, millions of cells or a zip bomb is refused in moments, naming the sheet. Tells
 * a workbook from other zip files by its parts, not its name.
 */
export async function inspectWorkbook(file: string): Promise<SheetInfo[]> {
  let entries: ZipEntry[];
  try {
    entries = await readZipEntries(file);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    throw new IngestError(
      'bad_xlsx',
      error.reason === 'too_large'
        ? `工作簿过大（超过 4 GB 或文件过多），未读取。${RESAVE}`
        : `文件以 zip 格式开头，但无法作为 Excel 工作簿（.xlsx）读取，可能已损坏。${RESAVE}`,
    );
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  if (!byName.has('[Content_Types].xml') || !byName.has('xl/workbook.xml')) throw notWorkbook(byName);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > MAX_UNZIPPED_BYTES) throw tooLarge(`解压后约 ${number(Math.round(declared / 2 ** 20))} MB`);
  if (entries.some((e) => e.encrypted))
    throw new IngestError('encrypted', `工作簿设有密码保护，无法读取。请取消密码后另存为 .xlsx 再上传。`);

  const budget = { bytes: MAX_UNZIPPED_BYTES, cells: MAX_CELLS };
  const read = async (name: string) => {
    const entry = byName.get(name);
    return entry ? (await collect(file, entry, budget)).toString('utf8') : '';
  };
  const sheets = listSheets(await read('xl/workbook.xml'), await read('xl/_rels/workbook.xml.rels'));
  const scanned = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
  for (const sheet of sheets) {
    const entry = sheet.part ? byName.get(sheet.part) : undefined;
    if (!entry || sheet.kind !== 'worksheet') continue;
    sheet.cells = await scanSheet(file, entry, sheet.name, budget);
    scanned.add(entry.name);
  }
  // Every other part is inflated too (and thrown away): exceljs will inflate all of them.
  for (const entry of entries) if (!scanned.has(entry.name)) await collect(file, entry, budget, true);
  return sheets;
}

function notWorkbook(byName: Map<string, ZipEntry>): IngestError {
  if (byName.has('xl/workbook.bin'))
    return new IngestError('xlsb', `这是 Excel 二进制工作簿（.xlsb），无法直接读取。${RESAVE}`);
  if (byName.has('content.xml') && byName.has('mimetype'))
    return new IngestError('ods', `这是 WPS/OpenOffice 表格（.ods/.et），无法直接读取。${RESAVE}`);
  if (byName.has('word/document.xml'))
    return new IngestError('not_xlsx', '这是 Word 文档（.docx），不是 Excel 工作簿或 CSV 文件。');
  return new IngestError('not_xlsx', `这是 zip 压缩文件，但不是 Excel 工作簿（.xlsx）。${RESAVE}`);
}

function tooLarge(what: string): IngestError {
  return new IngestError(
    'workbook_too_large',
    `工作簿过大（${what}，上限 ${number(MAX_UNZIPPED_BYTES / 2 ** 20)} MB），未读取。请只保留填报表格所在的工作表后另存再上传。`,
  );
}

async function collect(
  file: string,
  entry: ZipEntry,
  budget: { bytes: number },
  discard = false,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of inflateEntry(file, entry, budget.bytes)) {
      budget.bytes -= chunk.length;
      if (!discard) chunks.push(chunk);
    }
  } catch (error) {
    throw zipProblem(error, entry.name);
  }
  return Buffer.concat(chunks);
}

function zipProblem(error: unknown, part: string): unknown {
  if (!(error instanceof ZipError)) return error;
  if (error.reason === 'too_large') return tooLarge(`“${part}”解压后超出`);
  if (error.reason === 'unsupported')
    return new IngestError('bad_xlsx', `工作簿中的“${part}”使用了无法读取的压缩或加密方式。${RESAVE}`);
  return new IngestError('bad_xlsx', `工作簿已损坏（“${part}”无法解压）。${RESAVE}`);
}

/**
 * Streams a sheet's XML once: its <dimension> is checked as soon as it is seen (it comes before the
 * cells), then every <c> is counted with its column, so a sheet that declares no dimension or lies
 * about it is stopped at the first cell over a limit.
 */
async function scanSheet(
  file: string,
  entry: ZipEntry,
  sheet: string,
  budget: { bytes: number; cells: number },
): Promise<number> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let dimensionSeen = false;
  let cells = 0;
  let widest = 0;
  try {
    for await (const chunk of inflateEntry(file, entry, budget.bytes)) {
      budget.bytes -= chunk.length;
      let text = carry + decoder.decode(chunk, { stream: true });
      const open = text.lastIndexOf('<');
      if (open >= 0 && text.indexOf('>', open) < 0) {
        carry = text.slice(open);
        text = text.slice(0, open);
      } else carry = '';
      if (!dimensionSeen) {
        const m = /<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/.exec(text);
        if (m) {
          dimensionSeen = true;
          const columns = columnNumber(m[3] ?? m[1] ?? 'A') - columnNumber(m[1] ?? 'A') + 1;
          const rows = Number(m[4] ?? m[2]) - Number(m[2]) + 1;
          const ref = m[3] ? `${m[1]}${m[2]}:${m[3]}${m[4]}` : `${m[1]}${m[2]}`;
          if (columns > MAX_COLUMNS) throw tooWide(sheet, `范围为 ${ref}，共 ${number(columns)} 列`);
          if (columns * rows > MAX_CELLS)
            throw tooManyCells(sheet, `范围为 ${ref}，共 ${number(columns * rows)} 个单元格`);
        } else if (/<(?:\w+:)?sheetData\b/.test(text)) dimensionSeen = true;
      }
      for (const m of text.matchAll(/<(?:\w+:)?c\b([^>]*)>/g)) {
        cells += 1;
        const ref = /\sr="([A-Z]+)\d+"/.exec(m[1] ?? '');
        if (ref) widest = Math.max(widest, columnNumber(ref[1] ?? 'A'));
      }
      if (widest > MAX_COLUMNS) throw tooWide(sheet, `有内容的单元格到第 ${number(widest)} 列`);
      if (cells > budget.cells) throw tooManyCells(sheet, `单元格已超过 ${number(MAX_CELLS)} 个`);
    }
  } catch (error) {
    throw zipProblem(error, entry.name);
  }
  budget.cells -= cells;
  return cells;
}

function tooWide(sheet: string, what: string): IngestError {
  return new IngestError(
    'sheet_too_wide',
    `工作表“${sheet}”${what}，超过每个工作表 ${number(MAX_COLUMNS)} 列的上限，文件未读取。请删除表格右侧多余的列（或只把填报表格复制到新工作簿）后再上传。`,
  );
}

function tooManyCells(sheet: string, what: string): IngestError {
  return new IngestError(
    'too_many_cells',
    `工作表“${sheet}”${what}，超过每个工作簿 ${number(MAX_CELLS)} 个单元格的上限，文件未读取。请删除多余的行列（或只保留填报表格所在的工作表）后再上传。`,
  );
}

/** A → 1, Z → 26, AA → 27, XFD → 16384. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The sheets of xl/workbook.xml in order, with the part each one's relationship points to. */
function listSheets(workbookXml: string, relsXml: string): SheetInfo[] {
  const rels = new Map<string, { target: string; type: string }>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const id = attribute(attrs, 'Id');
    const target = attribute(attrs, 'Target');
    if (id && target) rels.set(id, { target, type: attribute(attrs, 'Type') ?? '' });
  }
  const sheets: SheetInfo[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const id = /\s\w+:id="([^"]*)"/.exec(attrs)?.[1];
    const rel = id ? rels.get(id) : undefined;
    const target = rel?.target.replace(/^\//, '') ?? null;
    const state = attribute(attrs, 'state');
    sheets.push({
      name: attribute(attrs, 'name') ?? '',
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      kind: rel?.type.endsWith('/worksheet')
        ? 'worksheet'
        : rel?.type.endsWith('/chartsheet')
          ? 'chartsheet'
          : 'other',
      part: target ? (target.startsWith('xl/') ? target : `xl/${target}`) : null,
      cells: 0,
    });
  }
  return sheets;
}

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m?.[1] === undefined ? null : decodeXml(m[1]);
}

function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] ?? e;
  });
}
