/**
 * CSV the way Excel on Chinese Windows opens it without mojibake: UTF-8 with a byte-order mark,
 * CRLF line ends, RFC 4180 quoting. Text cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) are neutralised with a leading apostrophe.
 */
export const BOM = '\uFEFF';

export type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell for a spreadsheet: formula-like text neutralised, then quoted as RFC 4180 asks. */
export function csvCell(value: Cell): string {
  if (typeof value === 'string' && FORMULA_START.test(value)) return quoteCell(`'${value}`);
  return quoteCell(value);
}

/** RFC 4180 quoting only, for CSV the app reads back itself (the single-value form). */
export function quoteCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A whole CSV document: header row then rows, BOM first. */
export function toCsv(header: string[], rows: Cell[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
