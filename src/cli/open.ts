import { DEPARTMENT_ALIASES } from '../catalog/department-aliases.js';
import { loadDepartmentAliases, loadSeedCatalogs } from '../catalog/load.js';
import { loadRegions } from '../catalog/regions.js';
import type { Config } from '../config.js';
import { assertConsistent } from '../store/consistency.js';
import { assertFreeSpace } from '../store/disk.js';
import { Store } from '../store/store.js';

/**
 * Opens the store the way `npm start` does: refused on a nearly full disk or when its commits are
 * not whole; schema up to date, reference data (regions, department aliases) and the reviewed
 * catalogues loaded. Loading is idempotent (unchanged sources write nothing), so every entrance may call it.
 */
export async function openPrepared(config: Config, log: (line: string) => void = () => {}): Promise<Store> {
  assertFreeSpace(config.dbPath, config.minFreeBytes);
  const store = await Store.open(config.dbPath, { settings: config.duckdb });
  try {
    await assertConsistent(store);
    await loadRegions(store, config.regionsFile);
    await loadDepartmentAliases(store, DEPARTMENT_ALIASES);
    for (const result of await loadSeedCatalogs(store, config.seedsDir)) {
      log(
        `目录 ${result.documentId}：${result.indicators} 个指标${result.changed ? '（已更新）' : '（未变化）'}`,
      );
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
