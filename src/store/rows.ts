import { type DuckDBResultReader, DuckDBTypeId } from '@duckdb/node-api';

/** A row as the app uses it: numbers, strings, booleans, Dates (timestamps) and ISO date strings. */
export type Row = Record<string, unknown>;

/**
 * Converts DuckDB's JS values to plain ones: BIGINT/HUGEINT counts become numbers (they are far below
 * 2^53 here), DATE columns become 'YYYY-MM-DD' strings so a period never shifts with the time zone.
 */
export function readRows<T = Row>(reader: DuckDBResultReader): T[] {
  const names = reader.columnNames();
  const isDate = names.map((_, i) => reader.columnTypeId(i) === DuckDBTypeId.DATE);
  return reader.getRowObjectsJS().map((raw) => {
    const row: Row = {};
    names.forEach((name, i) => {
      const value = raw[name];
      if (value === null || value === undefined) row[name] = null;
      else if (typeof value === 'bigint') row[name] = Number(value);
      else if (isDate[i] && value instanceof Date) row[name] = value.toISOString().slice(0, 10);
      else row[name] = value;
    });
    return row as T;
  });
}
