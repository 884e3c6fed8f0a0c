import type { Store } from '../store/store.js';
import { BOM } from './csv.js';
import { copiedQueryStream } from './file-stream.js';

export const HISTORY_FORMATS = ['csv', 'parquet', 'json'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

export const HISTORY_TYPES: Record<HistoryFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
  json: 'application/x-ndjson; charset=utf-8',
};

/**
 * The full history of a document's values, written by DuckDB straight to a temporary file (a
 * million rows never pass through JavaScript objects) and streamed to the client, then removed.
 * CSV gets a BOM for Excel; JSON is one object per line.
 */
export async function exportHistory(
  store: Store,
  documentId: string,
  format: HistoryFormat,
): Promise<ReadableStream<Uint8Array>> {
  const options =
    format === 'csv'
      ? 'FORMAT csv, HEADER true'
      : format === 'json'
        ? 'FORMAT json'
        : 'FORMAT parquet, COMPRESSION zstd';
  return copiedQueryStream(store, 'export/history', {
    extension: `.${format}`,
    options,
    params: { document: documentId },
    // A BOM first, so Excel on Chinese Windows reads the UTF-8 correctly.
    prefix: format === 'csv' ? BOM : undefined,
  });
}
