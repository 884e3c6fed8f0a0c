/**
 * Child process for the kill -9 test: opens the database given in argv[2], says "committing" and
 * imports argv[3]. The parent kills it with SIGKILL somewhere in the middle.
 */

import { loadSeedCatalogs } from '../../../src/catalog/load.js';
import { loadRegions } from '../../../src/catalog/regions.js';
import { loadConfig } from '../../../src/config.js';
import { importFile } from '../../../src/ingest/import.js';
import { Store } from '../../../src/store/store.js';

const [db, file, regions] = process.argv.slice(2) as [string, string, string];
const store = await Store.open(db);
await loadSeedCatalogs(store, loadConfig({}).seedsDir);
await loadRegions(store, regions);
console.log('committing');
const report = await importFile(store, file, { fileName: 'large.csv', by: 'test' });
console.log(`done ${report.status} ${report.counts.new}`);
await store.close();
