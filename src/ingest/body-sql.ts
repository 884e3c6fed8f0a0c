/** SQL text the body steps share: literals, blank markers, a cell's text in a table read by DuckDB. */
import { readRows } from '../store/rows.js';
import type { Tx } from '../store/store.js';

/** Cell texts offices write for "nothing to report": never a zero. */
export const BLANK_MARKERS = [
  '—',
  '——',
  '-',
  '--',
  '－',
  '－－',
  '–',
  '/',
  '／',
  '\\',
  '无',
  '…',
  '……',
  'N/A',
  'n/a',
  '暂无',
  '未统计',
  '不适用',
];

export const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
export const quoteList = (items: string[]) => items.map(literal).join(', ');
// A constant list, not an IN list: the planner rewrites an IN list of fifteen strings in every place
// it appears, which costs more than the whole check of a small file.
const MARKERS = `[${quoteList(BLANK_MARKERS)}]`;
export const isMarker = (text: string) => `list_contains(${MARKERS}, ${text})`;

/** A query assembled here (its column names depend on the table), read as plain rows. */
export async function rows<T>(
  tx: Tx,
  sql: string,
  params: Record<string, string | number | null> = {},
): Promise<T[]> {
  return readRows<T>(
    await tx.connection.runAndReadAll(sql, Object.keys(params).length > 0 ? params : undefined),
  );
}

/** A cell's text in SQL with blank markers as NULL. */
export const cell = (i: number | undefined) =>
  i === undefined
    ? 'NULL::VARCHAR'
    : `CASE WHEN ${isMarker(`trim(r.c${i})`)} THEN NULL ELSE nullif(trim(r.c${i}), '') END`;
