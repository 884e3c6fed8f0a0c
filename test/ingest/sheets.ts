import { writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { historyByCode } from '../helpers/ingest.js';
import type { TempStore } from '../helpers/store.js';

/** What the store holds for an indicator: [period, region, value, basis] of every value recorded. */
export async function stored(temp: TempStore, code: string) {
  return (await historyByCode(temp.store, code)).map((r) => [r.period, r.region, r.value, r.basis]);
}

/** Rows as a CSV text the way Excel saves one: every row as wide as the widest, CRLF, quotes where needed. */
export function toCsv(rows: string[][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return `${rows.map((r) => Array.from({ length: width }, (_, i) => field(r[i] ?? '')).join(',')).join('\r\n')}\r\n`;
}

/** The statistics bureau's table: indicator names with units, 1-3月 … 1-10月 cumulative, blanks. */
export const BUREAU_HEADER = [
  '序号',
  '指标名称',
  '单位',
  '目标值',
  '1-3月',
  '1-6月',
  '1-9月',
  '1-10月',
  '备注',
];
export const BUREAU_DATA = [
  ['1', '职业技能培训（万人）', '万人', '3.6', '0.9', '1.8', '2.7', '', ''],
  ['2', '新筹集公租房（套）', '套', '1000', '200', '—', '600', '800', ''],
  ['3', '县域内就诊率（%）', '%', '90', '88.5', '89', '/', '91', '快报'],
];
/** What the bureau's table stores, by indicator: [period, region, value, basis]. */
export const BUREAU_STORED = {
  '2021-T1-1': [
    ['2021-03-31', '全省', 9000, 'cumulative'],
    ['2021-06-30', '全省', 18000, 'cumulative'],
    ['2021-09-30', '全省', 27000, 'cumulative'],
  ],
  '2021-T1-2': [
    ['2021-03-31', '全省', 200, 'cumulative'],
    ['2021-09-30', '全省', 600, 'cumulative'],
    ['2021-10-31', '全省', 800, 'cumulative'],
  ],
  '2021-T2-1': [
    ['2021-03-31', '全省', 88.5, 'cumulative'],
    ['2021-06-30', '全省', 89, 'cumulative'],
    ['2021-10-31', '全省', 91, 'cumulative'],
  ],
};

/** Writes a workbook made with exceljs: one callback per sheet fills it. */
export async function writeWorkbook(
  file: string,
  sheets: { name: string; state?: 'visible' | 'hidden'; fill: (sheet: ExcelJS.Worksheet) => void }[],
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name, { state: s.state ?? 'visible' });
    s.fill(sheet);
  }
  await workbook.xlsx.writeFile(file);
  return file;
}

/**
 * A zip written by hand, for workbooks no spreadsheet program writes: a sheet of 100,000 columns,
 * an entry that inflates to more than it declares. `declare` overrides an entry's declared size.
 */
export function writeZip(
  file: string,
  entries: { name: string; data: Buffer | string; declare?: number; store?: boolean }[],
): string {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8');
    const body = entry.store ? data : deflateRawSync(data);
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declare ?? data.length;
    const method = entry.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...locals, directory, end]));
  return file;
}

/** The parts every .xlsx has, around one sheet's XML. */
export function workbookParts(sheetName: string, sheetXml: string) {
  return [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
  ];
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA, 100000 → EQXD. */
export function columnLetters(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}
