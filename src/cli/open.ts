import { DEPARTMENT_ALIASES } from '../catalog/department-aliases.js';
import { loadDepartmentAliases, loadSeedCatalogs } from '../catalog/load.js';
import { loadRegions } from '../catalog/regions.js';
import type { Config } from '../config.js';
import { Store } from '../store/store.js';

/**
 * Opens the store the way `npm start` does: schema up to date, reference data (regions, department
 * aliases) and the reviewed catalogues loaded. Loading is idempotent, so every entrance may call it.
 */
export async function openPrepared(config: Config, log: (line: string) => void = () => {}): Promise<Store> {
  const store = await Store.open(config.dbPath);
  try {
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
