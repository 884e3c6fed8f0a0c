import { createReadStream } from 'node:fs';
import { IngestError } from './problems.js';

export interface Header {
  delimiter: ',' | '\t';
  names: string[];
}

/** The most a header line may take; a longer first line is not a header a person wrote. */
const MAX_HEADER_BYTES = 1 << 20;

/**
 * Reads the header line of a UTF-8 CSV: which separator it uses (comma, or tab as Excel's
 * "Unicode text" writes) and the column names, trimmed. DuckDB reads the rest.
 */
export async function readHeader(file: string): Promise<Header> {
  const line = await firstLine(file);
  if (line.trim() === '')
    throw new IngestError(
      'empty',
      '文件是空的，或第一行（表头）为空。第一行应为列名，如：指标编码,统计期,数值',
    );
  const delimiter = count(line, '\t') > count(line, ',') ? '\t' : ',';
  const names = splitFields(line, delimiter).map((name) => name.trim());
  return { delimiter, names };
}

async function firstLine(file: string): Promise<string> {
  let text = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 })) {
    text += chunk;
    const end = text.search(/\r?\n/);
    if (end >= 0) return text.slice(0, end);
    if (text.length > MAX_HEADER_BYTES) {
      throw new IngestError('header_too_long', '第一行（表头）过长，不像是列名。请检查文件是否为 CSV 格式。');
    }
  }
  return text;
}

/** Splits one CSV line, honouring double quotes ("a,b" is one field, "" is a quote). */
export function splitFields(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}
