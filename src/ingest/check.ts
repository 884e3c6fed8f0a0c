import { listValue } from '@duckdb/node-api';
import type { Tx } from '../store/store.js';

export interface CheckDefaults {
  /** The uploader's departments (a reporter's scope), or null for all. */
  scope: string[] | null;
  region: string;
  basis: string;
  series: string;
}

/**
 * Checks the staged rows into ingest_checked: each distinct indicator and region text is resolved
 * once, then every row is read and checked in one pass over ingest_staged, then lines repeating
 * a key are marked, and cumulative figures that fall. One statement each (sql/queries/ingest/).
 */
export async function checkStaged(tx: Tx, defaults: CheckDefaults): Promise<void> {
  await tx.run('ingest/indicator_texts', { scope: defaults.scope ? listValue(defaults.scope) : null });
  await tx.run('ingest/region_texts', { default_region: defaults.region });
  await tx.run('ingest/check', { default_basis: defaults.basis, default_series: defaults.series });
  await tx.run('ingest/check_duplicates');
  await tx.run('ingest/check_cumulative');
}
