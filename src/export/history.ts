import { createReadStream, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { Store } from '../store/store.js';
import { tempPath } from '../tempfiles.js';
import { BOM } from './csv.js';

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
  // Document ids are checked against this pattern when the catalogue loads; check again before splicing.
  if (!/^[a-z0-9][a-z0-9-]*$/.test(documentId)) throw new Error(`bad document id ${documentId}`);
  const file = tempPath(`.${format}`);
  const query = store.sql('export/history').replace("'$document'", `'${documentId}'`);
  const options =
    format === 'csv'
      ? 'FORMAT csv, HEADER true'
      : format === 'json'
        ? 'FORMAT json'
        : 'FORMAT parquet, COMPRESSION zstd';
  await store.exportQuery(`COPY (${query}) TO '${file}' (${options})`);
  const body = createReadStream(file);
  body.once('close', () => rmSync(file, { force: true }));
  const stream = Readable.toWeb(body) as ReadableStream<Uint8Array>;
  if (format !== 'csv') return stream;
  // Prepend the BOM so Excel on Chinese Windows reads the UTF-8 correctly.
  const bom = new TextEncoder().encode(BOM);
  const reader = stream.getReader();
  let sentBom = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentBom) {
        sentBom = true;
        controller.enqueue(bom);
        return;
      }
      const { value, done } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
