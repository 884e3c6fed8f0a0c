import type { Store } from '../store/store.js';

/** Loads seeds/regions.csv (name, parent, level, aliases separated by |) in one transaction. */
export async function loadRegions(store: Store, file: string): Promise<void> {
  await store.write(async (tx) => {
    await tx.run('reference/delete_regions');
    await tx.run('reference/insert_regions', { file });
    await tx.run('reference/insert_region_aliases', { file });
  });
}

/** Every region in the reference table's order (province, prefectures, counties). */
export const listRegions = (store: Store) =>
  store.all<{ name: string; parent: string | null; level: string }>('reference/regions');
