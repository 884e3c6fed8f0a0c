import path from 'node:path';
import { readCatalogFile } from '../../src/catalog/load.js';
import { loadConfig } from '../../src/config.js';

/** The codes of the Jilin catalogue's numeric indicators (what a bureau reports numbers for). */
export async function codes(): Promise<string[]> {
  const { catalog } = readCatalogFile(
    path.join(loadConfig({}).seedsDir, 'jilin-2021-new-urbanization-key-tasks.catalog.json'),
  );
  return catalog.tasks.flatMap((t) => t.indicators.filter((i) => i.kind !== 'milestone').map((i) => i.code));
}
