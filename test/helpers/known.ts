import { getUpload } from '../../src/ingest/uploads.js';
import type { Store } from '../../src/store/store.js';

/**
 * When an upload was recorded, as the database has it: its uploaded_at, the same instant as the
 * recorded_at of its values (both the transaction's now()). Tests of `known=` take their recording
 * times from here rather than from the test's own clock, so no sleep has to keep two instants apart.
 */
export async function uploadedAt(store: Store, uploadId: number | null): Promise<Date> {
  if (uploadId === null) throw new Error('no upload was recorded');
  return (await getUpload(store, uploadId)).uploaded_at;
}

/**
 * The last millisecond (the precision `known=` is given in) before `at`: everything recorded before
 * that upload counts, that upload does not. Dates read from DuckDB drop the microseconds, so one
 * millisecond back is always strictly before.
 */
export const justBefore = (at: Date) => new Date(at.getTime() - 1);

/** A recording time after everything a test records: "what counts now", without reading the clock. */
export const LATER = new Date('2100-01-01T00:00:00Z');
