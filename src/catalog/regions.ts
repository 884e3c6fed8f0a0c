import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Store, Tx } from '../store/store.js';

/**
 * Loads seeds/regions.csv (name, parent, level, aliases separated by |) in one transaction; an
 * unchanged file (by sha256) is not loaded again, so a start writes nothing.
 */
export async function loadRegions(store: Store, file: string): Promise<void> {
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  await loadIfChanged(store, 'regions', sha256, async (tx) => {
    await tx.run('reference/delete_regions');
    await tx.run('reference/insert_regions', { file });
    await tx.run('reference/insert_region_aliases', { file });
  });
}

/**
 * Runs `load` in one transaction with the record of what was loaded, unless the source `name`
 * was last loaded with the same sha256.
 */
export async function loadIfChanged(
  store: Store,
  name: string,
  sha256: string,
  load: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  if ((await store.one<{ sha256: string }>('reference/source_sha256', { name }))?.sha256 === sha256)
    return false;
  await store.write(async (tx) => {
    await load(tx);
    await tx.run('reference/set_source_sha256', { name, sha256 });
  });
  return true;
}

/** Every region in the reference table's order (province, prefectures, counties). */
export const listRegions = (store: Store) =>
  store.all<{ name: string; parent: string | null; level: string }>('reference/regions');
