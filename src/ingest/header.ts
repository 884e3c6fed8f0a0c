import { createReadStream } from 'node:fs';
import { IngestError } from './problems.js';
import { HEAD_ROWS } from './table.js';

export interface Head {
  delimiter: ',' | '\t' | ';';
  /** The first records of the file (a quoted line break stays inside its field), fields untrimmed. */
  rows: string[][];
}

/** The most the first rows may take; a longer first line is not a header a person wrote. */
const MAX_HEADER_BYTES = 1 << 20;
const MAX_HEAD_BYTES = 4 << 20;

/**
 * Reads the first records of a UTF-8 CSV, where the table's header is looked for: which separator
 * it uses (comma, tab as Excel's "Unicode text" writes, or semicolon) and the fields of each record. DuckDB
 * reads the rest of the file, told how many records to skip.
 */
export async function readHead(file: string, maxRows = HEAD_ROWS): Promise<Head> {
  const text = await headText(file, maxRows);
  if (text.trim() === '')
    throw new IngestError('empty', '文件是空的。文件应有一行表头（如：指标编码,统计期,数值）和数据行。');
  // The separator used most; a semicolon (a CSV saved by Excel set to another list separator, whose
  // figures may hold a decimal comma: 6,1万) only where it is used far more than either.
  const commas = countOutsideQuotes(text, ',');
  const tabs = countOutsideQuotes(text, '\t');
  const semicolons = countOutsideQuotes(text, ';');
  const delimiter = semicolons > 2 * Math.max(commas, tabs) ? ';' : tabs > commas ? '\t' : ',';
  return { delimiter, rows: splitRecords(text, delimiter).slice(0, maxRows) };
}

/**
 * The start of the file up to `maxRows` line ends outside quotes (or the byte limit). Lines end in
 * \n, or in \r\n in an upload DuckDB reads as it is (src/ingest/decode.ts): read as \n here.
 */
async function headText(file: string, maxRows: number): Promise<string> {
  let text = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 })) {
    text += chunk;
    if (recordEnds(text) >= maxRows) return lf(text);
    if (text.length > MAX_HEADER_BYTES && recordEnds(text) === 0) {
      throw new IngestError('header_too_long', '第一行过长，不像是表头或标题。请检查文件是否为 CSV 格式。');
    }
    if (text.length > MAX_HEAD_BYTES) return lf(text);
  }
  return lf(text);
}

const lf = (text: string) => text.replace(/\r(\n|$)/g, '$1');

function recordEnds(text: string): number {
  let quoted = false;
  let ends = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) ends++;
  }
  return ends;
}

function countOutsideQuotes(text: string, ch: string): number {
  let quoted = false;
  let n = 0;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/** Splits CSV text into records and fields, honouring double quotes; a last partial record is dropped when more text may follow. */
function splitRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) records.push([...fields, field]);
  return records;
}

/** Splits one CSV line, honouring double quotes ("a,b" is one field, "" is a quote). */
export function splitFields(line: string, delimiter: string): string[] {
  return splitRecords(line, delimiter)[0] ?? [''];
}
